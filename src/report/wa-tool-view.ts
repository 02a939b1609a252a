import type { ResultsDocument } from '../engine/results.ts';
import { collectChoiceEvidence, wellArchitectedMapper } from '../watool/evidence.ts';
import { allQuestions, loadWellArchitectedLens } from '../watool/lens.ts';
import type { Translate } from './i18n.ts';

/** What recording returned for the report: the workload and the risk counts of every recorded lens. */
export interface WaToolSettings {
  workloadId?: string;
  /** Risk counts of the `wellarchitected` lens. */
  riskCounts?: Record<string, number>;
  /** Risk counts per recorded lens, custom lenses included. */
  lenses?: { alias: string; riskCounts: Record<string, number> }[];
}

const WA_RISK_LEVELS = ['HIGH', 'MEDIUM', 'NONE', 'UNANSWERED', 'NOT_APPLICABLE'] as const;

/**
 * The report's WA Tool section: what the WA Tool shows (risk counts per lens) and what it does not. The
 * WA Tool counts a question wareview could not prove as unanswered, not as a risk, so the questions
 * with failing evidence are listed with the choices in question: they await the consultant's answer.
 */
export function waToolView(
  results: ResultsDocument,
  waTool: WaToolSettings | undefined,
  t: Translate,
  number: (value: number) => string,
) {
  if (!waTool?.riskCounts && !waTool?.workloadId && !waTool?.lenses) return undefined;
  const lens = loadWellArchitectedLens();
  const evidence = collectChoiceEvidence(results, wellArchitectedMapper);
  const questions = allQuestions(lens).map((question) => ({
    question,
    evidence: evidence.filter((entry) => entry.questionId === question.id),
  }));
  const awaiting = questions
    .map(({ question, evidence: entries }) => ({
      title: question.title,
      choices: entries
        .filter((entry) => entry.verdict === 'at-risk')
        .map((entry) => ({
          title: question.choices.find((choice) => choice.id === entry.choiceId)?.title ?? entry.choiceId,
          failing: t('watool.failing', {
            failing: number(entry.failures.length),
            total: number(entry.passed + entry.failures.length + entry.errors.length),
          }),
        })),
    }))
    .filter((question) => question.choices.length > 0);
  const proven = questions.filter(({ evidence: entries }) =>
    entries.some((entry) => entry.verdict === 'proven'),
  ).length;
  const lenses =
    waTool.lenses ?? (waTool.riskCounts ? [{ alias: lens.alias, riskCounts: waTool.riskCounts }] : []);
  const risksOf = (counts: Record<string, number>) =>
    WA_RISK_LEVELS.filter((level) => counts[level] !== undefined).map((level) => ({
      key: level,
      label: t(`risk.${level}`),
      count: number(counts[level] ?? 0),
    }));
  return {
    workloadId: waTool.workloadId ?? '',
    lead: t('watool.lead', { proven: number(proven), awaiting: number(awaiting.length) }),
    awaiting,
    lenses: lenses.map((entry) => ({
      name: entry.alias === lens.alias ? lens.name : t('watool.customLens'),
      risks: risksOf(entry.riskCounts),
    })),
  };
}
