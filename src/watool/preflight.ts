import { baseCredentials } from '../aws/credentials.ts';
import { describeError, userError } from '../errors.ts';

/**
 * Resolves the region and the credentials the WA Tool client will use, before any call, so a user who
 * has neither hears about both at once instead of one per attempt. The region is looked up as
 * `createWellArchitectedClient` does.
 */
export async function assertWaToolReachable(
  options: { region?: string; profile?: string } = {},
): Promise<void> {
  const problems: string[] = [];
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) problems.push('no AWS region is set');
  await baseCredentials(options.profile)().catch((error: unknown) => {
    problems.push(`no AWS credentials were found (${describeError(error).split('\n')[0]})`);
  });
  if (problems.length === 0) return;
  throw userError(
    'WATOOL_NOT_CONFIGURED',
    `cannot record in the WA Tool: ${problems.join(' and ')}`,
    [
      !region && 'Set the region of the WA Tool workload: AWS_REGION=eu-west-1.',
      problems.some((problem) => problem.includes('credentials')) &&
        'Give credentials the AWS CLI would use: AWS_PROFILE or --profile (after `aws sso login` for SSO) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.',
    ]
      .filter(Boolean)
      .join(' '),
  );
}
