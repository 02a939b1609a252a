import {
  CreateMilestoneCommand,
  GetLensReviewCommand,
  GetLensReviewReportCommand,
  paginateListMilestones,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { randomUUID } from 'node:crypto';
import { userError } from '../errors.ts';
import { errorName, waCall } from './aws-errors.ts';
import { WA_LIMITS, trimAtWord } from './limits.ts';
import type { RiskCounts } from './record.ts';

export async function milestoneNames(client: WellArchitectedClient, workloadId: string): Promise<string[]> {
  return waCall('ListMilestones', async () => {
    const names: string[] = [];
    for await (const page of paginateListMilestones({ client }, { WorkloadId: workloadId })) {
      for (const summary of page.MilestoneSummaries ?? []) {
        if (summary.MilestoneName) names.push(summary.MilestoneName);
      }
    }
    return names;
  });
}

/** `base`, else `base (2)`, `base (3)` …, each within the API's 100 characters. */
export function uniqueMilestoneName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const fit = (suffix: string) => `${trimAtWord(base, WA_LIMITS.milestoneName.max - suffix.length)}${suffix}`;
  let name = fit('');
  for (let counter = 2; used.has(name); counter += 1) name = fit(` (${counter})`);
  return name;
}

/**
 * Creates one milestone for a recorded run. The ClientRequestToken is fixed for each name, so the SDK's
 * retries after throttling or a lost response cannot create a second milestone; a name taken meanwhile
 * (ConflictException) moves on to the next free name with a new token.
 */
/**
 * The milestone names already taken, read before any answer is written: a workload at the WA Tool's
 * 100 milestones is refused up front instead of after its answers were changed.
 */
export async function takenMilestoneNames(
  client: WellArchitectedClient,
  workloadId: string,
): Promise<string[]> {
  const taken = await milestoneNames(client, workloadId);
  if (taken.length >= WA_LIMITS.milestonesPerWorkload) {
    throw userError(
      'WATOOL_MILESTONES_FULL',
      `workload ${workloadId} already has ${taken.length} milestones, the WA Tool's maximum`,
      'Record into a new workload (--workload-name); nothing was written to this one.',
    );
  }
  return taken;
}

export async function createRunMilestone(
  client: WellArchitectedClient,
  workloadId: string,
  baseName: string,
  alreadyTaken: string[],
): Promise<{ number: number; name: string }> {
  const taken = [...alreadyTaken];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const name = uniqueMilestoneName(baseName, taken);
    try {
      const output = await waCall('CreateMilestone', () =>
        client.send(
          new CreateMilestoneCommand({
            WorkloadId: workloadId,
            MilestoneName: name,
            ClientRequestToken: randomUUID(),
          }),
        ),
      );
      return { number: output.MilestoneNumber ?? 0, name };
    } catch (error) {
      if (errorName(error) !== 'ConflictException') throw error;
      taken.push(name);
    }
  }
  throw userError(
    'WATOOL_MILESTONE_NAME',
    `no free milestone name found for "${baseName}"`,
    'Run the command again.',
  );
}

export async function readRiskCounts(
  client: WellArchitectedClient,
  workloadId: string,
  lensAlias: string,
): Promise<RiskCounts> {
  const output = await waCall('GetLensReview', () =>
    client.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: lensAlias })),
  );
  return (output.LensReview?.RiskCounts ?? {}) as RiskCounts;
}

/** The WA Tool's own lens review report, as PDF bytes. */
export async function fetchLensReviewPdf(
  client: WellArchitectedClient,
  workloadId: string,
  lensAlias: string,
  milestoneNumber?: number,
): Promise<Buffer> {
  const output = await waCall('GetLensReviewReport', () =>
    client.send(
      new GetLensReviewReportCommand({
        WorkloadId: workloadId,
        LensAlias: lensAlias,
        ...(milestoneNumber ? { MilestoneNumber: milestoneNumber } : {}),
      }),
    ),
  );
  const base64 = output.LensReviewReport?.Base64String;
  if (!base64)
    throw userError(
      'WATOOL_REPORT_EMPTY',
      'GetLensReviewReport returned no report',
      'Run the command again later.',
    );
  return Buffer.from(base64, 'base64');
}
