import { isEnvironmentFailure, isNetworkFailure } from '../aws/errors.ts';
import { WareviewError, describeError, environmentError, userError } from '../errors.ts';

/** What a rerun does after an interruption; the error message says what was written before it. */
const RERUN_HINT =
  "Run the same command again in a minute: it finds what was already written (answers, this run's milestone) and writes only the rest, without duplicates.";

/** What to tell the user for each WA Tool error, by the SDK's error name. */
const ERROR_ADVICE: Record<string, { code: string; hint: string }> = {
  AccessDeniedException: {
    code: 'WATOOL_ACCESS_DENIED',
    hint: 'Grant the wellarchitected actions wareview uses (ListWorkloads, GetWorkload, CreateWorkload, AssociateLenses, GetAnswer, UpdateAnswer, ListMilestones, CreateMilestone, GetLensReview, GetLensReviewReport, ImportLens, CreateLensVersion), or preview with --dry-run.',
  },
  ResourceNotFoundException: {
    code: 'WATOOL_NOT_FOUND',
    hint: 'Check --workload-id / --lens and the region (AWS_REGION): workloads and custom lenses are per region.',
  },
  ServiceQuotaExceededException: {
    code: 'WATOOL_QUOTA',
    hint: 'A WA Tool quota was reached (for example 100 milestones per workload): record into a new workload with --workload-name.',
  },
  ValidationException: {
    code: 'WATOOL_INVALID',
    hint: 'The WA Tool refused a value; check the workload settings in the configuration (names, regions, account ids).',
  },
  CredentialsProviderError: {
    code: 'AWS_CREDENTIALS',
    hint: 'Provide AWS credentials the usual way (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO) and a region (AWS_REGION).',
  },
};

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** Runs one WA Tool call and turns the SDK's failures into errors that say what to do. */
export async function waCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WareviewError) throw error;
    const advice = ERROR_ADVICE[errorName(error)];
    if (advice) {
      throw userError(
        advice.code,
        `WA Tool ${operation} failed: ${describeError(error)}`,
        advice.hint,
        error,
      );
    }
    if (isEnvironmentFailure(error)) {
      throw environmentError(
        environmentFailureCode(error),
        `WA Tool ${operation} failed after retries: ${describeError(error)}`,
        `The WA Tool throttled or could not be reached (nothing in the input is wrong). ${RERUN_HINT}`,
        error,
      );
    }
    if (error instanceof Error && /Region is missing/i.test(error.message)) {
      throw userError(
        'WATOOL_UNREACHABLE',
        `WA Tool ${operation} failed: ${error.message}`,
        'Set AWS_REGION, and check AWS_ENDPOINT_URL_WELLARCHITECTED / AWS_ENDPOINT_URL if you point wareview at another endpoint.',
        error,
      );
    }
    throw error;
  }
}

/** Throttled, unreachable (a network error: nothing answered) or unavailable (the service answered 5xx). */
function environmentFailureCode(error: unknown): string {
  if (errorName(error) === 'ThrottlingException') return 'WATOOL_THROTTLED';
  return isNetworkFailure(error) ? 'WATOOL_UNREACHABLE' : 'WATOOL_UNAVAILABLE';
}
