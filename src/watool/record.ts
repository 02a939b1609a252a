import {
  GetAnswerCommand,
  UpdateAnswerCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { WareviewError, userError } from '../errors.ts';
import type { ResultsDocument } from '../engine/results.ts';
import { writeFileAtomic } from '../util/fs-atomic.ts';
import { EMPTY_ANSWER, currentAnswerFrom, planAnswer, type CurrentAnswer } from './answer-plan.ts';
import { errorName, waCall } from './aws-errors.ts';
import { WA_LIMITS } from './limits.ts';
import { createWellArchitectedClient } from './client.ts';
import { collectChoiceEvidence, type ChoiceEvidence } from './evidence.ts';
import { WELL_ARCHITECTED_ALIAS, resolveRecordLenses, type RecordLens } from './record-lens.ts';
import { formatRecordSummary } from './record-format.ts';
import {
  checkMilestoneRoom,
  createRunMilestone,
  fetchLensReviewPdf,
  findRunMilestone,
  listMilestones,
  readRiskCounts,
  runIdentity,
  runMilestoneName,
  type MilestonePolicy,
  type MilestoneRef,
} from './milestone.ts';
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
  /** When to create the run's milestone; `changed` (the default) only when answers or risk counts changed. */
  milestone?: MilestonePolicy;
  /** Run folder: the WA Tool's lens review PDF is saved here as `wa-tool-lens-review.pdf`. */
  outDir?: string;
  /** A ready client (tests); otherwise one comes from the project's client factory. */
  client?: WellArchitectedClient;
  /** WA Tool region (default AWS_REGION) and AWS profile of the client made here. */
  region?: string;
  profile?: string;
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
  /** Choice notes wareview writes or rewrites. */
  choiceNotes: { choice: string; before: string; after: string }[];
  changed: boolean;
}

export interface RecordSummary {
  dryRun: boolean;
  workload: { id: string | undefined; arn: string | undefined; name: string; created: boolean };
  lenses: { alias: string; associated: boolean; riskCounts: RiskCounts | undefined }[];
  questions: QuestionChange[];
  answersUpdated: number;
  /** The run's identity (results.json `runId`), part of its milestone's name. */
  runId: string;
  /** The run's milestone: created now, found from an earlier recording of the run, or (dry run) planned. */
  milestone: (MilestoneRef & { state: 'created' | 'found' | 'planned' }) | undefined;
  /** Why no milestone was created, when none was. */
  milestoneSkipped: string | undefined;
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
  const own = options.client ? undefined : createWellArchitectedClient(options);
  try {
    return await record(options.client ?? own!.client, results, options);
  } finally {
    own?.close();
  }
}

interface RunContext {
  client: WellArchitectedClient;
  results: ResultsDocument;
  options: RecordOptions;
  config: WorkloadSettings;
  dryRun: boolean;
  logger: RecordLogger;
  warnings: string[];
}

async function record(
  client: WellArchitectedClient,
  results: ResultsDocument,
  options: RecordOptions,
): Promise<RecordSummary> {
  const config = options.config ?? {};
  const run: RunContext = {
    client,
    results,
    options,
    config,
    dryRun: options.dryRun ?? false,
    logger: options.logger ?? SILENT,
    warnings: [],
  };
  const lenses = await resolveRecordLenses(client, [...(config.lenses ?? []), ...(options.lenses ?? [])]);
  const policy = options.milestone ?? 'changed';
  const runId = runIdentity(results);
  const progress: WriteProgress = { answersUpdated: 0, milestone: 'not requested' };
  try {
    const { workload, name, created } = await ensureWorkload(run);
    const associated = await ensureLenses(run, workload, lenses);
    // Read before any answer is written: a rerun finds the run's milestone, and a workload without room
    // for one is refused up front instead of after its answers were changed.
    const milestones = workload ? await listMilestones(client, workload.id) : [];
    const existing = findRunMilestone(milestones, runId);
    if (workload && policy !== 'never' && !existing)
      checkMilestoneRoom(workload.id, milestones.length, run.warnings);
    const { questions } = await recordAnswers(run, workload, lenses, associated, progress);

    const summary: RecordSummary = {
      dryRun: run.dryRun,
      workload: { id: workload?.id, arn: workload?.arn, name, created },
      lenses: lenses.map((lens) => ({
        alias: lens.alias,
        associated: associated.has(lens.alias),
        riskCounts: undefined,
      })),
      questions,
      answersUpdated: progress.answersUpdated,
      runId,
      milestone: existing ? { ...existing, state: 'found' } : undefined,
      milestoneSkipped: undefined,
      reportPdf: undefined,
      warnings: run.warnings,
    };
    for (const warning of run.warnings) run.logger.warn(warning);
    const milestoneName = runMilestoneName(runLabel(results.evaluatedAt), runId);
    if (run.dryRun || !workload) planMilestone(summary, policy, milestoneName);
    else await finishRecordedRun(run, workload, summary, { policy, milestoneName, milestones, progress });
    run.logger.info(formatRecordSummary(summary).trimEnd());
    return summary;
  } catch (error) {
    throw run.dryRun ? error : withProgress(error, progress);
  }
}

/** What a recording wrote before it stopped, so the error says it truthfully. */
interface WriteProgress {
  answersUpdated: number;
  milestone: 'not requested' | 'requested' | 'created';
}

function withProgress(error: unknown, progress: WriteProgress): unknown {
  if (!(error instanceof WareviewError)) return error;
  const milestone = {
    'not requested': 'no milestone was created',
    requested:
      'the milestone was requested but its answer was lost; a rerun finds it instead of creating another',
    created: 'the milestone was created',
  }[progress.milestone];
  return new WareviewError(
    error.code,
    `${error.message} (written before the failure: ${progress.answersUpdated} answer(s) updated, ${milestone})`,
    { source: error.source, hint: error.hint, cause: error.cause },
  );
}

/** Dry run: the milestone a real run would create, by the same policy. */
function planMilestone(summary: RecordSummary, policy: MilestonePolicy, name: string): void {
  if (summary.milestone) return;
  const changed = summary.questions.some((question) => question.changed);
  if (policy === 'never' || (policy === 'changed' && !changed && summary.workload.id)) {
    summary.milestoneSkipped = policy === 'never' ? '--milestone never' : 'no answer would change';
    return;
  }
  summary.milestone = { number: 0, name, state: 'planned' };
}

async function ensureWorkload(
  run: RunContext,
): Promise<{ workload: WorkloadRef | undefined; name: string; created: boolean }> {
  const { results, options, config } = run;
  const found = await locateWorkload(run.client, results, options);
  if (found) return { workload: found, name: found.name, created: false };
  const name = validateWorkloadName(options.workloadName ?? config.name ?? results.workload);
  const definition = workloadDefinition(name, results, config);
  const scopeAccounts = config.accountIds ?? results.inventory.scope.accounts;
  if (scopeAccounts.length > definition.AccountIds.length) {
    run.warnings.push(
      `the workload lists ${definition.AccountIds.length} of the ${scopeAccounts.length} account ids (the WA Tool takes at most ${WA_LIMITS.workloadAccountIds})`,
    );
  }
  if (run.dryRun) {
    run.logger.info(
      `Would create workload "${name}" (${definition.Environment}, ${definition.AwsRegions.join(', ')}).`,
    );
    return { workload: undefined, name, created: false };
  }
  const workload = await createWorkload(run.client, definition, randomUUID());
  run.logger.info(`Created workload "${name}" (${workload.id}).`);
  return { workload, name, created: true };
}

/** Associates the lenses the workload lacks; returns the aliases whose answers can be read. */
async function ensureLenses(
  run: RunContext,
  workload: WorkloadRef | undefined,
  lenses: RecordLens[],
): Promise<Set<string>> {
  // A workload about to be created gets `wellarchitected` with CreateWorkload.
  const present = workload?.lenses ?? [WELL_ARCHITECTED_ALIAS];
  const aliases = lenses.map((lens) => lens.alias);
  const associated = new Set(aliases.filter((alias) => workload && hasLens(workload.lenses, alias)));
  const missing = aliases.filter((alias) => !hasLens(present, alias));
  if (missing.length === 0) return associated;
  if (run.dryRun || !workload) {
    run.logger.info(`Would associate lens(es): ${missing.join(', ')}.`);
    return associated;
  }
  await associateLenses(run.client, workload.id, missing);
  run.logger.info(`Associated lens(es): ${missing.join(', ')}.`);
  return new Set([...associated, ...missing]);
}

async function recordAnswers(
  run: RunContext,
  workload: WorkloadRef | undefined,
  lenses: RecordLens[],
  associated: Set<string>,
  progress: WriteProgress,
): Promise<{ questions: QuestionChange[] }> {
  const questions: QuestionChange[] = [];
  const label = runLabel(run.results.evaluatedAt);
  for (const lens of lenses) {
    const readable = workload && associated.has(lens.alias) ? workload : undefined;
    for (const target of questionTargets(lens, run.results, run.config, run.warnings)) {
      const current = readable
        ? await readAnswer(run.client, readable.id, lens.alias, target.question.id)
        : EMPTY_ANSWER;
      if (!current) {
        run.warnings.push(
          `${target.question.id}: the question is not in the workload's version of lens ${lens.alias}; its evidence was skipped (UpgradeLensReview moves the workload to the newest version)`,
        );
        continue;
      }
      const plan = planAnswer({
        lensAlias: lens.alias,
        question: target.question,
        evidence: target.evidence,
        declaredNotApplicable: target.declared,
        current,
        authoritative: run.options.authoritative ?? false,
        evaluatedAt: label,
      });
      run.warnings.push(...plan.warnings);
      questions.push(plan.change);
      if (!plan.update || run.dryRun || !workload) continue;
      const update = plan.update;
      await waCall('UpdateAnswer', () =>
        run.client.send(
          new UpdateAnswerCommand({
            WorkloadId: workload.id,
            LensAlias: lens.alias,
            QuestionId: target.question.id,
            ...update,
          }),
        ),
      );
      progress.answersUpdated += 1;
    }
  }
  return { questions };
}

/**
 * The milestone (by the policy, unless an earlier recording of this run made it), the risk counts read
 * back and the WA Tool's own PDF of a run that was written.
 */
async function finishRecordedRun(
  run: RunContext,
  workload: WorkloadRef,
  summary: RecordSummary,
  plan: {
    policy: MilestonePolicy;
    milestoneName: string;
    milestones: MilestoneRef[];
    progress: WriteProgress;
  },
): Promise<void> {
  for (const entry of summary.lenses) {
    entry.riskCounts = await readRiskCounts(run.client, workload.id, entry.alias);
  }
  if (!summary.milestone) {
    const reason = await milestoneNotNeeded(run, workload, summary, plan);
    if (reason) {
      summary.milestoneSkipped = reason;
    } else {
      plan.progress.milestone = 'requested';
      const created = await createRunMilestone(run.client, workload.id, summary.runId, plan.milestoneName);
      plan.progress.milestone = 'created';
      summary.milestone = { ...created, state: 'created' };
    }
  }
  if (!run.options.outDir) return;
  const pdf = await fetchLensReviewPdf(run.client, workload.id, WELL_ARCHITECTED_ALIAS);
  const path = join(run.options.outDir, LENS_REVIEW_PDF);
  await writeFileAtomic(path, pdf);
  summary.reportPdf = path;
}

/**
 * Why the run needs no milestone, or undefined when it does. With `changed`, a milestone marks a change:
 * an answer this run wrote, or risk counts that differ from the latest milestone's (answers written by
 * an interrupted earlier attempt, or by a person in the console).
 */
async function milestoneNotNeeded(
  run: RunContext,
  workload: WorkloadRef,
  summary: RecordSummary,
  plan: { policy: MilestonePolicy; milestones: MilestoneRef[]; progress: WriteProgress },
): Promise<string | undefined> {
  if (plan.policy === 'never') return '--milestone never';
  if (plan.policy === 'always' || plan.progress.answersUpdated > 0) return undefined;
  const latest = plan.milestones.reduce<MilestoneRef | undefined>(
    (newest, milestone) => (!newest || milestone.number > newest.number ? milestone : newest),
    undefined,
  );
  if (!latest) return undefined;
  for (const entry of summary.lenses) {
    const before = await readRiskCounts(run.client, workload.id, entry.alias, latest.number).catch(
      () => undefined,
    );
    if (!before || !sameRiskCounts(before, entry.riskCounts ?? {})) return undefined;
  }
  return `no answer or risk count changed since milestone ${latest.number} "${latest.name}"`;
}

function sameRiskCounts(a: RiskCounts, b: RiskCounts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RiskCounts>;
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
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

/** The current answer, or undefined when the workload's lens version lacks the question. */
async function readAnswer(
  client: WellArchitectedClient,
  workloadId: string,
  lensAlias: string,
  questionId: string,
): Promise<CurrentAnswer | undefined> {
  const output = await waCall('GetAnswer', () =>
    client
      .send(new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: lensAlias, QuestionId: questionId }))
      .catch((error: unknown) => {
        // The workload and lens were found a moment ago: a missing resource here is the question.
        if (errorName(error) === 'ResourceNotFoundException') return undefined;
        throw error;
      }),
  );
  return output ? currentAnswerFrom(output.Answer ?? {}) : undefined;
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
