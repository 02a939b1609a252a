import type { ChoiceUpdate } from '@aws-sdk/client-wellarchitected';
import type { CheckResult } from '../engine/results.ts';
import type { ChoiceEvidence } from './evidence.ts';
import type { LensQuestion } from './lens.ts';
import { WA_LIMITS, trimAtWord } from './limits.ts';
import { mergeNotes, splitNotes } from './notes.ts';
import type { NotApplicableChoice, QuestionChange } from './record.ts';

/** The answer as GetAnswer returned it (or an empty one for a question nobody answered yet). */
export interface CurrentAnswer {
  selected: string[];
  choices: Map<string, { status: ChoiceStatus; reason?: string; notes?: string }>;
  notes: string;
  isApplicable: boolean;
  /** The choice ids the live lens offers for this question (GetAnswer's Choices), when known. */
  liveChoiceIds?: string[];
}

type ChoiceStatus = 'SELECTED' | 'UNSELECTED' | 'NOT_APPLICABLE';

export interface AnswerUpdate {
  SelectedChoices: string[];
  ChoiceUpdates?: Record<string, ChoiceUpdate>;
  Notes: string;
}

export interface AnswerPlan {
  change: QuestionChange;
  /** Undefined when the answer already says what the evidence says: no UpdateAnswer call. */
  update: AnswerUpdate | undefined;
  warnings: string[];
}

export interface PlanInput {
  lensAlias: string;
  question: LensQuestion;
  evidence: ChoiceEvidence[];
  declaredNotApplicable: NotApplicableChoice[];
  current: CurrentAnswer;
  authoritative: boolean;
  /** When the evidence was produced, e.g. `2026-11-27 02:20 UTC`: part of the notes, so reruns match. */
  evaluatedAt: string;
}

/** Choice notes written by wareview start with this tag; other choice notes belong to a person and stay. */
export const CHOICE_NOTE_TAG = '[wareview]';

/** The block line naming the selections wareview made itself: the ones it may take back. */
const OWN_SELECTIONS_PREFIX = 'Selected by wareview:';

export const EMPTY_ANSWER: CurrentAnswer = {
  selected: [],
  choices: new Map(),
  notes: '',
  isApplicable: true,
};

/** The run labels in notes, so that texts differing only in the run's date compare equal. */
const RUN_LABEL = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g;

function sameButForDate(a: string, b: string): boolean {
  return a.replace(RUN_LABEL, '') === b.replace(RUN_LABEL, '');
}

/** The selections an earlier run recorded as its own in its block. */
export function ownSelections(notes: string): Set<string> {
  const line = (splitNotes(notes).block ?? '')
    .split('\n')
    .find((candidate) => candidate.startsWith(OWN_SELECTIONS_PREFIX));
  if (!line) return new Set();
  return new Set(
    line
      .slice(OWN_SELECTIONS_PREFIX.length)
      .replace(/\.$/, '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
}

/**
 * Decides the new answer for one question. UpdateAnswer REPLACES the selected choices
 * (https://docs.aws.amazon.com/wellarchitected/latest/APIReference/API_UpdateAnswer.html), so the plan
 * always sends the full list. Provenance decides what may be unselected: a choice wareview selected
 * itself (named in its block) is taken back when the evidence no longer proves it; a person's selection,
 * "None of these" included, is only unselected with `authoritative`, otherwise flagged.
 */
export function planAnswer(planInput: PlanInput): AnswerPlan {
  const { input, warnings } = restrictToLiveLens(planInput);
  const { question, current, authoritative } = input;
  const title = (id: string) => question.choices.find((choice) => choice.id === id)?.title ?? id;
  const isOurs = (id: string) => (current.choices.get(id)?.notes ?? '').startsWith(CHOICE_NOTE_TAG);
  const ownBefore = ownSelections(current.notes);
  const before = new Set(current.selected);
  const next = new Set(current.selected);
  const flagged: QuestionChange['flagged'] = [];
  const added: string[] = [];
  const removed: string[] = [];
  const noneId = question.noneChoiceId;

  const change = (fields: Partial<QuestionChange>): QuestionChange => ({
    lensAlias: input.lensAlias,
    questionId: question.id,
    title: question.title,
    added,
    kept: [],
    flagged,
    removed,
    notApplicable: [],
    noneCleared: false,
    notesBefore: current.notes,
    notesAfter: current.notes,
    choiceNotes: [],
    changed: false,
    ...fields,
  });

  if (!current.isApplicable) {
    flagged.push({
      choice: '*',
      reason: 'the question is marked not applicable in the WA Tool, so its evidence was not recorded',
    });
    return { change: change({}), update: undefined, warnings };
  }

  const declared = new Map(input.declaredNotApplicable.map((entry) => [entry.choice, entry]));
  const notApplicable = new Map<string, { reason: string; note: string }>();
  for (const entry of input.declaredNotApplicable) {
    notApplicable.set(entry.choice, {
      reason: entry.reason,
      note: entry.note ?? 'declared not applicable in the wareview configuration',
    });
  }

  const personChoseNone = before.has(noneId) && !authoritative;
  for (const evidence of input.evidence) {
    const id = evidence.choiceId;
    if (declared.has(id)) continue;
    const status = current.choices.get(id)?.status;
    const personMarkedNotApplicable = status === 'NOT_APPLICABLE' && !isOurs(id);
    if (evidence.verdict === 'proven') {
      if (personMarkedNotApplicable) {
        flagged.push({ choice: id, reason: `marked not applicable, but the evidence proves "${title(id)}"` });
      } else if (next.has(id)) {
        continue;
      } else if (personChoseNone) {
        flagged.push({
          choice: noneId,
          reason: `"None of these" is selected, but the evidence proves "${title(id)}"`,
        });
      } else {
        next.add(id);
        added.push(id);
      }
      continue;
    }
    if (!before.has(id)) {
      if (evidence.verdict === 'accepted') notApplicable.set(id, acceptedRisk(evidence));
      continue;
    }
    if (ownBefore.has(id) || (authoritative && evidence.verdict === 'at-risk')) {
      next.delete(id);
      removed.push(id);
    } else if (evidence.verdict === 'at-risk') {
      flagged.push({ choice: id, reason: `selected, but ${failingSummary(evidence)}` });
    }
    if (evidence.verdict === 'accepted' && !next.has(id)) notApplicable.set(id, acceptedRisk(evidence));
  }

  for (const id of [...notApplicable.keys()]) {
    if (next.has(id)) {
      notApplicable.delete(id);
      flagged.push({
        choice: id,
        reason: `selected, but declared not applicable (${declared.has(id) ? 'configuration' : 'suppression'})`,
      });
    }
  }

  const realSelected = [...next].filter((id) => id !== noneId);
  const noneCleared = next.has(noneId) && realSelected.length > 0;
  if (noneCleared) next.delete(noneId);

  const selectedChoices = question.choices.map((choice) => choice.id).filter((id) => next.has(id));
  const ownAfter = selectedChoices.filter((id) => added.includes(id) || ownBefore.has(id));
  const notes = new Map<string, string>();
  if (noneCleared) {
    notes.set(
      noneId,
      `"None of these" was cleared (--authoritative) because the evidence proves ${added.join(', ')}`,
    );
  }
  const choiceUpdates = planChoiceUpdates(input, next, notApplicable, notes, isOurs, warnings);
  const lines = blockLines(input, flagged, ownAfter, title);
  const notesAfter = questionNotes(current.notes, lines, question.id, warnings);

  const selectionChanged =
    selectedChoices.length !== before.size || selectedChoices.some((id) => !before.has(id));
  const changed = selectionChanged || Object.keys(choiceUpdates).length > 0 || notesAfter !== current.notes;
  const kept = current.selected.filter((id) => next.has(id) && id !== noneId);
  const plan = change({
    kept,
    notApplicable: [...notApplicable.keys()],
    noneCleared,
    notesAfter,
    choiceNotes: Object.entries(choiceUpdates).flatMap(([choice, choiceUpdate]) => {
      const before = current.choices.get(choice)?.notes ?? '';
      const after = choiceUpdate.Notes ?? '';
      return after === before ? [] : [{ choice, before, after }];
    }),
    changed,
  });
  if (!changed) return { change: plan, update: undefined, warnings };
  const update: AnswerUpdate = { SelectedChoices: selectedChoices, Notes: notesAfter };
  if (Object.keys(choiceUpdates).length > 0) update.ChoiceUpdates = choiceUpdates;
  return { change: plan, update, warnings };
}

function acceptedRisk(evidence: ChoiceEvidence): { reason: string; note: string } {
  const suppression = evidence.suppressed[0]?.suppressed;
  return {
    reason: 'BUSINESS_PRIORITIES',
    note: `accepted risk: ${suppression?.reason ?? 'suppressed'}${suppression?.expires ? ` (until ${suppression.expires})` : ''}`,
  };
}

/**
 * The question's notes with the new block: unchanged when the block would differ only in the run's
 * date, so a daily scan with the same verdicts rewrites nothing.
 */
function questionNotes(notes: string, lines: string[], questionId: string, warnings: string[]): string {
  const merged = mergeNotes(notes, lines, WA_LIMITS.answerNotes);
  if (!merged.blockWritten && lines.length > 0) {
    warnings.push(
      `${questionId}: the consultant's notes leave no room for wareview's evidence block; the evidence is in the run's report (section "WA Tool") and results.json, and wareview's selections there count as the person's`,
    );
  }
  return sameButForDate(merged.notes, notes) ? notes : merged.notes;
}

/**
 * The bundled lens may be older or newer than the lens version of the workload: only the choices the
 * live answer offers are planned; evidence for others is skipped with a warning.
 */
function restrictToLiveLens(input: PlanInput): { input: PlanInput; warnings: string[] } {
  const warnings: string[] = [];
  const live = input.current.liveChoiceIds ? new Set(input.current.liveChoiceIds) : undefined;
  if (!live) return { input, warnings };
  for (const evidence of input.evidence) {
    if (!live.has(evidence.choiceId)) {
      warnings.push(
        `${input.question.id}: choice ${evidence.choiceId} is not in the workload's version of lens ${input.lensAlias}; skipped (UpgradeLensReview moves the workload to the newest version)`,
      );
    }
  }
  return {
    input: {
      ...input,
      question: {
        ...input.question,
        choices: input.question.choices.filter((choice) => live.has(choice.id)),
      },
      evidence: input.evidence.filter((evidence) => live.has(evidence.choiceId)),
    },
    warnings,
  };
}

/** Per-choice status and notes that differ from the current answer; a person's choice notes stay untouched. */
function planChoiceUpdates(
  input: PlanInput,
  next: Set<string>,
  notApplicable: Map<string, { reason: string; note: string }>,
  extraNotes: Map<string, string>,
  isOurs: (id: string) => boolean,
  warnings: string[],
): Record<string, ChoiceUpdate> {
  const updates: Record<string, ChoiceUpdate> = {};
  const evidenceByChoice = new Map(input.evidence.map((evidence) => [evidence.choiceId, evidence]));
  const ids = new Set([...evidenceByChoice.keys(), ...notApplicable.keys(), ...extraNotes.keys()]);
  // N/A set by an earlier run whose suppression is gone goes back to a plain status.
  for (const [id, answer] of input.current.choices) {
    if (answer.status === 'NOT_APPLICABLE' && isOurs(id)) ids.add(id);
  }
  for (const id of ids) {
    if (!input.question.choices.some((choice) => choice.id === id)) {
      warnings.push(`${input.question.id}: choice ${id} is not in lens ${input.lensAlias}; skipped`);
      continue;
    }
    const current = input.current.choices.get(id);
    const currentStatus = current?.status ?? 'UNSELECTED';
    const personNotApplicable = currentStatus === 'NOT_APPLICABLE' && !isOurs(id);
    if (personNotApplicable) continue;
    const na = notApplicable.get(id);
    const status: ChoiceStatus = next.has(id) ? 'SELECTED' : na ? 'NOT_APPLICABLE' : 'UNSELECTED';
    const summary = extraNotes.get(id) ?? na?.note ?? choiceSummary(evidenceByChoice.get(id));
    const mayWriteNotes = !current?.notes || isOurs(id);
    const notes =
      mayWriteNotes && summary
        ? trimAtWord(`${CHOICE_NOTE_TAG} ${input.evaluatedAt}: ${summary}`, WA_LIMITS.choiceNotes)
        : (current?.notes ?? '');
    const reason = status === 'NOT_APPLICABLE' ? (na?.reason ?? 'OTHER') : undefined;
    const statusChanged = status !== currentStatus;
    const notesChanged = !sameButForDate(notes, current?.notes ?? '');
    const reasonChanged = status === 'NOT_APPLICABLE' && reason !== current?.reason;
    if (!statusChanged && !notesChanged && !reasonChanged) continue;
    const update: ChoiceUpdate = { Status: status };
    if (notes) update.Notes = notes;
    if (reason) update.Reason = reason as ChoiceUpdate['Reason'];
    updates[id] = update;
  }
  return updates;
}

function choiceSummary(evidence: ChoiceEvidence | undefined): string {
  if (!evidence) return '';
  switch (evidence.verdict) {
    case 'proven':
      return `proven: ${plural(evidence.passed, 'result')} pass (${evidence.checkIds.join(', ')})${evidence.suppressed.length ? `; ${evidence.suppressed.length} accepted by suppression` : ''}`;
    case 'at-risk':
      return `not proven: ${failingSummary(evidence)}: ${resourceList(evidence.failures)}`;
    case 'unverified':
      return `not verified: ${plural(evidence.errors.length, 'result')} could not be evaluated (${evidence.errors[0]?.evidence ?? ''})`;
    default:
      return '';
  }
}

const VERDICT_ORDER = ['at-risk', 'unverified', 'accepted', 'proven'] as const;

/**
 * The evidence summary kept in the question's notes: risks first, so trimming drops the good news.
 * Only facts that hold on every run with the same results go here (one-off changes such as a cleared
 * "None of these" go into that choice's notes), so recording the same results twice writes nothing.
 * A contradicted choice appears once, as the contradiction.
 */
function blockLines(
  input: PlanInput,
  flagged: QuestionChange['flagged'],
  ownSelected: string[],
  title: (id: string) => string,
): string[] {
  const relevant = input.evidence.filter((evidence) => evidence.verdict !== 'no-evidence');
  if (relevant.length === 0 && input.declaredNotApplicable.length === 0) return [];
  const failing = relevant.reduce((sum, evidence) => sum + evidence.failures.length, 0);
  const passing = relevant.reduce((sum, evidence) => sum + evidence.passed, 0);
  const lines = [
    `wareview evidence of ${input.evaluatedAt}: ${plural(failing, 'failing result')}, ${plural(passing, 'passing result')}.`,
  ];
  if (ownSelected.length > 0) lines.push(`${OWN_SELECTIONS_PREFIX} ${ownSelected.join(', ')}.`);
  const contradicted = new Set(flagged.map((flag) => flag.choice));
  for (const flag of flagged)
    lines.push(`CONTRADICTION ${title(flag.choice)} (${flag.choice}): ${flag.reason}.`);
  for (const verdict of VERDICT_ORDER) {
    for (const evidence of relevant.filter((candidate) => candidate.verdict === verdict)) {
      if (verdict === 'at-risk' && contradicted.has(evidence.choiceId)) continue;
      lines.push(blockLine(evidence, title(evidence.choiceId)));
    }
  }
  for (const entry of input.declaredNotApplicable) {
    lines.push(
      `NOT APPLICABLE ${title(entry.choice)} (${entry.choice}): ${entry.reason}${entry.note ? `, ${entry.note}` : ''}.`,
    );
  }
  return lines;
}

function blockLine(evidence: ChoiceEvidence, title: string): string {
  const label = `${title} (${evidence.choiceId})`;
  switch (evidence.verdict) {
    case 'at-risk':
      return `RISK ${label}: ${failingSummary(evidence)}: ${resourceList(evidence.failures)}.`;
    case 'unverified':
      return `NOT VERIFIED ${label}: ${plural(evidence.errors.length, 'result')} could not be evaluated: ${resourceList(evidence.errors)}.`;
    case 'accepted':
      return `ACCEPTED ${label}: ${plural(evidence.suppressed.length, 'failure')} suppressed (${evidence.suppressed[0]?.suppressed?.reason ?? ''}).`;
    default:
      return `PROVEN ${label}: ${evidence.passed} of ${resultTotal(evidence)} results pass (${evidence.checkIds.join(', ')}).`;
  }
}

const LISTED_RESOURCES = 5;

function resourceList(results: CheckResult[]): string {
  const names = [...new Set(results.map((result) => describeResource(result)))];
  const shown = names.slice(0, LISTED_RESOURCES).join(', ');
  return names.length > LISTED_RESOURCES ? `${shown} (+${names.length - LISTED_RESOURCES} more)` : shown;
}

/** `orders-db [123456789012/eu-west-1]`; account-level resources already name their account. */
function describeResource(result: CheckResult): string {
  const { name, arn, accountId, region } = result.resource;
  const label = name || arn;
  if (label.includes(accountId))
    return region === 'global' ? label : `${label.replace(`/${region}`, '')} [${region}]`;
  return `${label} [${accountId}/${region}]`;
}

function resultTotal(evidence: ChoiceEvidence): number {
  return evidence.passed + evidence.failures.length + evidence.errors.length;
}

/**
 * `2 of 5 results fail (root-mfa)`: counted in results everywhere, and naming only the checks that
 * actually fail, not every check mapped to the choice.
 */
function failingSummary(evidence: ChoiceEvidence): string {
  const failingChecks = [...new Set(evidence.failures.map((failure) => failure.checkId))];
  return `${evidence.failures.length} of ${resultTotal(evidence)} results fail (${failingChecks.join(', ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Turns a GetAnswer answer into the plan's view of it. */
export function currentAnswerFrom(answer: {
  Choices?: { ChoiceId?: string }[];
  SelectedChoices?: string[];
  ChoiceAnswers?: { ChoiceId?: string; Status?: string; Reason?: string; Notes?: string }[];
  Notes?: string;
  IsApplicable?: boolean;
}): CurrentAnswer {
  const choices: CurrentAnswer['choices'] = new Map();
  for (const choice of answer.ChoiceAnswers ?? []) {
    if (!choice.ChoiceId) continue;
    choices.set(choice.ChoiceId, {
      status: (choice.Status as ChoiceStatus | undefined) ?? 'UNSELECTED',
      reason: choice.Reason,
      notes: choice.Notes,
    });
  }
  return {
    selected: answer.SelectedChoices ?? [],
    choices,
    notes: answer.Notes ?? '',
    isApplicable: answer.IsApplicable ?? true,
    ...(answer.Choices?.length
      ? { liveChoiceIds: answer.Choices.flatMap((choice) => (choice.ChoiceId ? [choice.ChoiceId] : [])) }
      : {}),
  };
}
