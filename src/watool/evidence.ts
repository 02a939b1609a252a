import type { CheckMetadata } from '../engine/check.ts';
import type { CheckResult, ResultsDocument } from '../engine/results.ts';

/**
 * What the evidence says about one lens choice. The rule, from the non-suppressed results of every
 * check mapped to the choice:
 * - `at-risk`     at least one result fails: the choice is NOT proven and its question gets the failures as evidence of risk;
 * - `unverified`  no failure, but a check could not evaluate something (an `error` result: missing data is never compliance);
 * - `proven`      no failure, no error, and at least one passing result;
 * - `accepted`    the only failures are suppressed ones (an accepted risk, with the suppression's reason) and nothing passes;
 * - `no-evidence` nothing but not-applicable results: wareview has nothing to say and leaves the choice alone.
 * Suppressed failures never count against a choice; with passing results beside them the choice is still proven.
 */
export type Verdict = 'proven' | 'at-risk' | 'unverified' | 'accepted' | 'no-evidence';

export interface ChoiceEvidence {
  questionId: string;
  choiceId: string;
  checkIds: string[];
  passed: number;
  notApplicable: number;
  failures: CheckResult[];
  suppressed: CheckResult[];
  errors: CheckResult[];
  verdict: Verdict;
}

/** Where a check's results land in a lens: the (question, choice) pairs it proves or disproves. */
export type ChoiceMapper = (check: CheckMetadata) => { question: string; choice: string }[];

export const wellArchitectedMapper: ChoiceMapper = (check) =>
  check.wellArchitected.map(({ question, choice }) => ({ question, choice }));

export function verdictOf(evidence: Omit<ChoiceEvidence, 'verdict'>): Verdict {
  if (evidence.failures.length > 0) return 'at-risk';
  if (evidence.errors.length > 0) return 'unverified';
  if (evidence.passed > 0) return 'proven';
  if (evidence.suppressed.length > 0) return 'accepted';
  return 'no-evidence';
}

/** Groups the results by lens choice. Choices whose checks produced no results at all are left out. */
export function collectChoiceEvidence(results: ResultsDocument, mapper: ChoiceMapper): ChoiceEvidence[] {
  const resultsByCheck = new Map<string, CheckResult[]>();
  for (const result of results.results) {
    const list = resultsByCheck.get(result.checkId) ?? [];
    list.push(result);
    resultsByCheck.set(result.checkId, list);
  }
  const byChoice = new Map<string, Omit<ChoiceEvidence, 'verdict'>>();
  for (const check of results.checks) {
    const checkResults = resultsByCheck.get(check.id) ?? [];
    if (checkResults.length === 0) continue;
    for (const { question, choice } of mapper(check)) {
      const key = `${question}\u0000${choice}`;
      const entry = byChoice.get(key) ?? {
        questionId: question,
        choiceId: choice,
        checkIds: [],
        passed: 0,
        notApplicable: 0,
        failures: [],
        suppressed: [],
        errors: [],
      };
      if (!entry.checkIds.includes(check.id)) entry.checkIds.push(check.id);
      for (const result of checkResults) addResult(entry, result);
      byChoice.set(key, entry);
    }
  }
  return [...byChoice.values()]
    .map((entry) => ({ ...entry, verdict: verdictOf(entry) }))
    .sort((a, b) => a.questionId.localeCompare(b.questionId) || a.choiceId.localeCompare(b.choiceId));
}

function addResult(entry: Omit<ChoiceEvidence, 'verdict'>, result: CheckResult): void {
  if (result.suppressed) {
    entry.suppressed.push(result);
    return;
  }
  switch (result.status) {
    case 'pass':
      entry.passed += 1;
      break;
    case 'fail':
      entry.failures.push(result);
      break;
    case 'error':
      entry.errors.push(result);
      break;
    case 'not_applicable':
      entry.notApplicable += 1;
      break;
  }
}
