import {
  GetAnswerCommand,
  UpdateAnswerCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { userError } from '../errors.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { writeFileAtomic } from '../util/fs-atomic.ts';
import { EMPTY_ANSWER, currentAnswerFrom, planAnswer, type CurrentAnswer } from './answer-plan.ts';
import { waCall } from './aws-errors.ts';
import { WA_LIMITS } from './limits.ts';
import { createWellArchitectedClient } from './client.ts';
import { collectChoiceEvidence, type ChoiceEvidence } from './evidence.ts';
import { resolveRecordLenses, type RecordLens } from './record-lens.ts';
import { formatRecordSummary } from './record-format.ts';
import { createRunMilestone, fetchLensReviewPdf, readRiskCounts, takenMilestoneNames } from './milestone.ts';
import {
  associateLenses,
  createWorkload,
  findWorkloadByName,
  getWorkload,
  hasLens,
  validateWorkloadName,
  workloadDefinition,
  type WorkloadRef,
} from './workload.ts';

/** Workload fields used when wareview has to create the workload (all optional: defaults come from the results). */
export interface WorkloadSettings {
  name?: string;
  environment?: 'PRODUCTION' | 'PREPRODUCTION';
  regions?: string[];
  accountIds?: string[];
  reviewOwner?: string;
  description?: string;
  /** Lens aliases associated besides `wellarchitected`. */
  lenses?: string[];
  /** Choices a team declared not applicable, with the WA Tool reason and a note. */
  notApplicable?: NotApplicableChoice[];
}

export interface NotApplicableChoice {
  question: string;
  choice: string;
  reason: 'OUT_OF_SCOPE' | 'BUSINESS_PRIORITIES' | 'ARCHITECTURE_CONSTRAINTS' | 'OTHER';
  note?: string;
}

export interface RecordLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RecordOptions {
  workloadName?: string;
  workloadId?: string;
  /** Print what would change and write nothing. */
  dryRun?: boolean;
  /** Unselect choices the evidence disproves, even when a person selected them. */
  authoritative?: boolean;
  /** Lens aliases to record into; `wellarchitected` when empty. */
  lenses?: string[];
  /** Run folder: the WA Tool's lens review PDF is saved here as `wa-tool-lens-review.pdf`. */
  outDir?: string;
  /** A ready client (tests, shared factories); otherwise one is built from region/endpoint and the SDK's settings. */
  client?: WellArchitectedClient;
  region?: string;
  endpoint?: string;
  config?: WorkloadSettings;
  logger?: RecordLogger;
}

export type RiskCounts = Partial<
  Record<'HIGH' | 'MEDIUM' | 'NONE' | 'UNANSWERED' | 'NOT_APPLICABLE', number>
>;

export interface QuestionChange {
  lensAlias: string;
  questionId: string;
  title: string;
  added: string[];
  kept: string[];
  flagged: { choice: string; reason: string }[];
  removed: string[];
  notApplicable: string[];
  noneCleared: boolean;
  notesBefore: string;
  notesAfter: string;
  changed: boolean;
}

export interface RecordSummary {
  dryRun: boolean;
  workload: { id: string | undefined; arn: string | undefined; name: string; created: boolean };
  lenses: { alias: string; associated: boolean; riskCounts: RiskCounts | undefined }[];
  questions: QuestionChange[];
  answersUpdated: number;
  milestone: { number: number; name: string } | undefined;
  reportPdf: string | undefined;
  warnings: string[];
}

const SILENT: RecordLogger = { info: () => {}, warn: () => {} };

export const LENS_REVIEW_PDF = 'wa-tool-lens-review.pdf';

/** `2026-11-27T02:20:31.000Z` → `2026-11-27 02:20 UTC`: the run's label in notes and milestone names. */
export function runLabel(evaluatedAt: string): string {
  const date = new Date(evaluatedAt);
  if (Number.isNaN(date.getTime())) return evaluatedAt;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Records a results document in the WA Tool: finds or creates the workload, associates the lenses,
 * updates every question the evidence speaks to (only when something changes), creates a milestone,
 * saves the WA Tool's lens review PDF and reads the risk counts back. With `dryRun` it only reads.
 */
export async function recordResults(
  results: ResultsDocument,
  options: RecordOptions,
): Promise<RecordSummary> {
  const logger = options.logger ?? SILENT;
  const dryRun = options.dryRun ?? false;
  const config = options.config ?? {};
  const client = options.client ?? createWellArchitectedClient(options);
  const lenses = await resolveRecordLenses(client, [...(config.lenses ?? []), ...(options.lenses ?? [])]);
  const label = runLabel(results.evaluatedAt);
  const warnings: string[] = [];

  let workload = await locateWorkload(client, results, options);
  const workloadName =
    workload?.name ?? validateWorkloadName(options.workloadName ?? config.name ?? results.workload);
  let created = false;
  if (!workload) {
    const definition = workloadDefinition(workloadName, results, config);
    const scopeAccounts = config.accountIds ?? results.inventory.scope.accounts;
    if (scopeAccounts.length > definition.AccountIds.length) {
      warnings.push(
        `the workload lists ${definition.AccountIds.length} of the ${scopeAccounts.length} account ids (the WA Tool takes at most ${WA_LIMITS.workloadAccountIds})`,
      );
    }
    if (dryRun) {
      logger.info(
        `Would create workload "${workloadName}" (${definition.Environment}, ${definition.AwsRegions.join(', ')}).`,
      );
    } else {
      workload = await createWorkload(client, definition, randomUUID());
      created = true;
      logger.info(`Created workload "${workloadName}" (${workload.id}).`);
    }
  }

  const existingLenses = workload?.lenses ?? workloadDefinition(workloadName, results, config).Lenses;
  const associated = new Set(
    lenses.filter((lens) => workload && hasLens(workload.lenses, lens.alias)).map((lens) => lens.alias),
  );
  const missing = lenses.map((lens) => lens.alias).filter((alias) => !hasLens(existingLenses, alias));
  if (missing.length > 0) {
    if (dryRun || !workload) logger.info(`Would associate lens(es): ${missing.join(', ')}.`);
    else {
      await associateLenses(client, workload.id, missing);
      for (const alias of missing) associated.add(alias);
      logger.info(`Associated lens(es): ${missing.join(', ')}.`);
    }
  }

  const takenNames = workload && !dryRun ? await takenMilestoneNames(client, workload.id) : [];
  const questions: QuestionChange[] = [];
  let answersUpdated = 0;
  for (const lens of lenses) {
    const readable = workload && associated.has(lens.alias) ? workload : undefined;
    for (const target of questionTargets(lens, results, config, warnings)) {
      const current = readable
        ? await readAnswer(client, readable.id, lens.alias, target.question.id)
        : EMPTY_ANSWER;
      const plan = planAnswer({
        lensAlias: lens.alias,
        question: target.question,
        evidence: target.evidence,
        declaredNotApplicable: target.declared,
        current,
        authoritative: options.authoritative ?? false,
        evaluatedAt: label,
      });
      warnings.push(...plan.warnings);
      questions.push(plan.change);
      if (!plan.update || dryRun || !workload) continue;
      const update = plan.update;
      await waCall('UpdateAnswer', () =>
        client.send(
          new UpdateAnswerCommand({
            WorkloadId: workload.id,
            LensAlias: lens.alias,
            QuestionId: target.question.id,
            ...update,
          }),
        ),
      );
      answersUpdated += 1;
    }
  }

  const summary: RecordSummary = {
    dryRun,
    workload: { id: workload?.id, arn: workload?.arn, name: workloadName, created },
    lenses: lenses.map((lens) => ({
      alias: lens.alias,
      associated: associated.has(lens.alias),
      riskCounts: undefined,
    })),
    questions,
    answersUpdated,
    milestone: undefined,
    reportPdf: undefined,
    warnings,
  };
  for (const warning of warnings) logger.warn(warning);
  if (dryRun || !workload) {
    logger.info(formatRecordSummary(summary).trimEnd());
    return summary;
  }

  summary.milestone = await createRunMilestone(client, workload.id, `wareview ${label}`, takenNames);
  for (const entry of summary.lenses) {
    entry.riskCounts = await readRiskCounts(client, workload.id, entry.alias);
  }
  if (options.outDir) {
    const [first] = lenses;
    if (first) {
      const pdf = await fetchLensReviewPdf(client, workload.id, first.alias);
      const path = join(options.outDir, LENS_REVIEW_PDF);
      await writeFileAtomic(path, pdf);
      summary.reportPdf = path;
    }
  }
  logger.info(formatRecordSummary(summary).trimEnd());
  return summary;
}

async function locateWorkload(
  client: WellArchitectedClient,
  results: ResultsDocument,
  options: RecordOptions,
): Promise<WorkloadRef | undefined> {
  if (options.workloadId) {
    if (!/^[0-9a-f]{32}$/.test(options.workloadId)) {
      throw userError(
        'WATOOL_WORKLOAD_ID',
        `"${options.workloadId}" is not a WA Tool workload id`,
        "A workload id is 32 hexadecimal characters; it is shown in the WA Tool console under the workload's properties.",
      );
    }
    return getWorkload(client, options.workloadId);
  }
  const name = validateWorkloadName(options.workloadName ?? options.config?.name ?? results.workload);
  return findWorkloadByName(client, name);
}

async function readAnswer(
  client: WellArchitectedClient,
  workloadId: string,
  lensAlias: string,
  questionId: string,
): Promise<CurrentAnswer> {
  const output = await waCall('GetAnswer', () =>
    client.send(
      new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: lensAlias, QuestionId: questionId }),
    ),
  );
  return currentAnswerFrom(output.Answer ?? {});
}

interface QuestionTarget {
  question: RecordLens['questions'][number];
  evidence: ChoiceEvidence[];
  declared: NotApplicableChoice[];
}

/** The questions of a lens that the evidence (or the configuration) speaks to, in lens order. */
function questionTargets(
  lens: RecordLens,
  results: ResultsDocument,
  config: WorkloadSettings,
  warnings: string[],
): QuestionTarget[] {
  const evidence = collectChoiceEvidence(results, lens.mapper);
  const known = new Set(lens.questions.map((question) => question.id));
  const choiceKeys = new Set(
    lens.questions.flatMap((question) => question.choices.map((choice) => `${question.id}/${choice.id}`)),
  );
  for (const entry of evidence) {
    if (!known.has(entry.questionId) || !choiceKeys.has(`${entry.questionId}/${entry.choiceId}`)) {
      warnings.push(
        `${entry.questionId}/${entry.choiceId} (checks ${entry.checkIds.join(', ')}) is not in lens ${lens.alias}; skipped`,
      );
    }
  }
  return lens.questions
    .map((question) => ({
      question,
      evidence: evidence.filter(
        (entry) =>
          entry.questionId === question.id &&
          entry.verdict !== 'no-evidence' &&
          choiceKeys.has(`${entry.questionId}/${entry.choiceId}`),
      ),
      declared: (config.notApplicable ?? []).filter(
        (entry) =>
          entry.question === question.id && question.choices.some((choice) => choice.id === entry.choice),
      ),
    }))
    .filter((target) => target.evidence.length > 0 || target.declared.length > 0);
}
