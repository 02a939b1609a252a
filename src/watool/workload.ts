import {
  AssociateLensesCommand,
  CreateWorkloadCommand,
  GetWorkloadCommand,
  paginateListWorkloads,
  type WellArchitectedClient,
  type WorkloadEnvironment,
} from '@aws-sdk/client-wellarchitected';
import { userError } from '../errors.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { errorName, waCall } from './aws-errors.ts';
import { WA_LIMITS, fitLength } from './limits.ts';
import type { WorkloadSettings } from './record.ts';

export const MANAGED_BY_TAG = { key: 'managed-by', value: 'wareview' } as const;

export interface WorkloadRef {
  id: string;
  arn: string | undefined;
  name: string;
  lenses: string[];
}

/** Finds a workload by its exact name (ListWorkloads only filters by prefix), following every page. */
export async function findWorkloadByName(
  client: WellArchitectedClient,
  name: string,
): Promise<WorkloadRef | undefined> {
  return waCall('ListWorkloads', async () => {
    for await (const page of paginateListWorkloads({ client }, { WorkloadNamePrefix: name })) {
      const match = page.WorkloadSummaries?.find((summary) => summary.WorkloadName === name);
      if (match?.WorkloadId) {
        return {
          id: match.WorkloadId,
          arn: match.WorkloadArn,
          name,
          lenses: match.Lenses ?? [],
        };
      }
    }
    return undefined;
  });
}

export async function getWorkload(client: WellArchitectedClient, workloadId: string): Promise<WorkloadRef> {
  const output = await waCall('GetWorkload', () =>
    client.send(new GetWorkloadCommand({ WorkloadId: workloadId })),
  );
  const workload = output.Workload;
  if (!workload?.WorkloadId) {
    throw userError(
      'WATOOL_NOT_FOUND',
      `workload ${workloadId} was not found`,
      'Check --workload-id and AWS_REGION.',
    );
  }
  return {
    id: workload.WorkloadId,
    arn: workload.WorkloadArn,
    name: workload.WorkloadName ?? workloadId,
    lenses: workload.Lenses ?? [],
  };
}

/** The CreateWorkload input wareview sends: settings from the configuration, gaps filled from the results. */
export function workloadDefinition(name: string, results: ResultsDocument, settings: WorkloadSettings = {}) {
  // CreateWorkload takes at most 50 regions and 100 account ids; an organization can have more accounts.
  const regions = (settings.regions ?? results.inventory.scope.regions)
    .filter((region) => region !== 'global')
    .slice(0, WA_LIMITS.workloadRegions);
  const accountIds = (settings.accountIds ?? results.inventory.scope.accounts)
    .filter((id) => /^\d{12}$/.test(id))
    .slice(0, WA_LIMITS.workloadAccountIds);
  const description =
    settings.description ??
    `Reviewed with wareview: ${accountIds.length} account(s) in ${regions.join(', ') || 'no region'}.`;
  return {
    WorkloadName: name,
    Description: fitLength(description, WA_LIMITS.description),
    Environment: (settings.environment ?? 'PRODUCTION') as WorkloadEnvironment,
    AwsRegions: regions.length > 0 ? regions : ['us-east-1'],
    AccountIds: accountIds,
    ReviewOwner: fitLength(settings.reviewOwner ?? 'wareview', WA_LIMITS.reviewOwner),
    Lenses: ['wellarchitected'],
    Tags: { [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value },
  };
}

export function validateWorkloadName(name: string): string {
  const trimmed = name.trim();
  const { min, max } = WA_LIMITS.workloadName;
  if (trimmed.length < min || trimmed.length > max) {
    throw userError(
      'WATOOL_WORKLOAD_NAME',
      `workload name "${trimmed}" has ${trimmed.length} characters; the WA Tool accepts ${min} to ${max}`,
      'Pass --workload-name with a name of that length, or set the workload name in the configuration.',
    );
  }
  return trimmed;
}

export async function createWorkload(
  client: WellArchitectedClient,
  definition: ReturnType<typeof workloadDefinition>,
  clientRequestToken: string,
): Promise<WorkloadRef> {
  const output = await waCall('CreateWorkload', () =>
    client.send(new CreateWorkloadCommand({ ...definition, ClientRequestToken: clientRequestToken })),
  ).catch((error: unknown) => {
    if (errorName(error) !== 'ConflictException') throw error;
    throw userError(
      'WATOOL_WORKLOAD_EXISTS',
      `a workload named like "${definition.WorkloadName}" exists but its name differs (for example in case)`,
      'Pass its exact name with --workload-name, or its id with --workload-id.',
      error,
    );
  });
  if (!output.WorkloadId) throw new Error('CreateWorkload returned no WorkloadId');
  return {
    id: output.WorkloadId,
    arn: output.WorkloadArn,
    name: definition.WorkloadName,
    lenses: definition.Lenses,
  };
}

export async function associateLenses(
  client: WellArchitectedClient,
  workloadId: string,
  aliases: string[],
): Promise<void> {
  if (aliases.length === 0) return;
  await waCall('AssociateLenses', () =>
    client.send(new AssociateLensesCommand({ WorkloadId: workloadId, LensAliases: aliases })),
  );
}

/** Lenses come back as aliases or ARNs (`arn:aws:wellarchitected:<region>::lens/wellarchitected`). */
export function hasLens(lenses: string[], alias: string): boolean {
  return lenses.some(
    (lens) => lens === alias || lens.endsWith(`:lens/${alias}`) || alias.endsWith(`:lens/${lens}`),
  );
}
