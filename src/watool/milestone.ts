import {
  CreateMilestoneCommand,
  GetLensReviewCommand,
  GetLensReviewReportCommand,
  paginateListMilestones,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { createHash } from 'node:crypto';
import type { ResultsDocument } from '../engine/results.ts';
import { userError } from '../errors.ts';
import { errorName, waCall } from './aws-errors.ts';
import { WA_LIMITS, trimAtWord } from './limits.ts';
import type { RiskCounts } from './record.ts';

export interface MilestoneRef {
  number: number;
  name: string;
}

/** When to create a milestone for a recorded run (`--milestone`). */
export const MILESTONE_POLICIES = ['always', 'changed', 'never'] as const;
export type MilestonePolicy = (typeof MILESTONE_POLICIES)[number];

/** From this many milestones on, every recording warns that the WA Tool's limit is near. */
export const MILESTONE_WARNING_AT = 80;

/**
 * The run's identity: `runId` from results.json, or for results written before it existed a digest of
 * the workload and the evaluation time (the same file always gives the same identity).
 */
export function runIdentity(results: Pick<ResultsDocument, 'runId' | 'workload' | 'evaluatedAt'>): string {
  return (
    results.runId ??
    createHash('sha256').update(`${results.workload}\u0000${results.evaluatedAt}`).digest('hex').slice(0, 32)
  );
}

/** `wareview 2026-11-27 02:20 UTC (run 1a2b3c4d)`: the run's identity is part of the name, so it can be found. */
export function runMilestoneName(label: string, runId: string): string {
  return `${trimAtWord(`wareview ${label}`, WA_LIMITS.milestoneName.max - 15)} ${runMarker(runId)}`;
}

function runMarker(runId: string): string {
  return `(run ${runId.replace(/-/g, '').slice(0, 8)})`;
}

/** The milestone an earlier recording of this run created, if any. */
export function findRunMilestone(milestones: MilestoneRef[], runId: string): MilestoneRef | undefined {
  const marker = runMarker(runId);
  return milestones.find((milestone) => milestone.name.endsWith(marker));
}

export async function listMilestones(
  client: WellArchitectedClient,
  workloadId: string,
): Promise<MilestoneRef[]> {
  return waCall('ListMilestones', async () => {
    const milestones: MilestoneRef[] = [];
    for await (const page of paginateListMilestones({ client }, { WorkloadId: workloadId })) {
      for (const summary of page.MilestoneSummaries ?? []) {
        if (summary.MilestoneName && summary.MilestoneNumber !== undefined) {
          milestones.push({ number: summary.MilestoneNumber, name: summary.MilestoneName });
        }
      }
    }
    return milestones;
  });
}

/**
 * Refuses a workload without room for the milestone a run may need, before any answer is written, and
 * warns well before the WA Tool's limit.
 */
export function checkMilestoneRoom(workloadId: string, count: number, warnings: string[]): void {
  const limit = WA_LIMITS.milestonesPerWorkload;
  if (count >= limit) {
    throw userError(
      'WATOOL_MILESTONES_FULL',
      `workload ${workloadId} already has ${count} milestones, the WA Tool's maximum`,
      'Record with --milestone never, or into a new workload (--workload-name); nothing was written to this one.',
    );
  }
  if (count >= MILESTONE_WARNING_AT) {
    warnings.push(
      `workload ${workloadId} has ${count} of the WA Tool's ${limit} milestones; at ${limit} recording a milestone is refused. Record with --milestone changed (the default) or never, or start a new workload`,
    );
  }
}

/**
 * Creates the run's milestone. The ClientRequestToken derives from the workload and the run, so every
 * attempt of every rerun sends the same one: the SDK's retries after throttling or a lost response and
 * a rerun after a kill cannot create a second milestone. A name taken meanwhile (ConflictException) is
 * this run's milestone, created by an attempt whose answer was lost.
 */
export async function createRunMilestone(
  client: WellArchitectedClient,
  workloadId: string,
  runId: string,
  name: string,
): Promise<MilestoneRef> {
  const token = createHash('sha256').update(`${workloadId}\u0000${runId}`).digest('hex');
  try {
    const output = await waCall('CreateMilestone', () =>
      client.send(
        new CreateMilestoneCommand({
          WorkloadId: workloadId,
          MilestoneName: name,
          ClientRequestToken: token,
        }),
      ),
    );
    return { number: output.MilestoneNumber ?? 0, name };
  } catch (error) {
    if (errorName(error) !== 'ConflictException') throw error;
    const found = findRunMilestone(await listMilestones(client, workloadId), runId);
    if (!found) throw error;
    return found;
  }
}

export async function readRiskCounts(
  client: WellArchitectedClient,
  workloadId: string,
  lensAlias: string,
  milestoneNumber?: number,
): Promise<RiskCounts> {
  const output = await waCall('GetLensReview', () =>
    client.send(
      new GetLensReviewCommand({
        WorkloadId: workloadId,
        LensAlias: lensAlias,
        ...(milestoneNumber ? { MilestoneNumber: milestoneNumber } : {}),
      }),
    ),
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
