import { diffFindings, isOpen } from '../history/diff.ts';
import {
  AREAS,
  EFFORTS,
  SEVERITIES,
  severityRank,
  type Area,
  type CheckMetadata,
  type Pillar,
  type Severity,
} from '../engine/check.ts';
import type { CheckResult, ResultsDocument, Score } from '../engine/results.ts';
import type { CoverageGap } from '../inventory/schema.ts';
import { findQuestion, loadWellArchitectedLens } from '../watool/lens.ts';

/**
 * The report's view of a results document, computed once and shared by every format: findings grouped
 * by area and check, the ranked plan, coverage, the lens mapping, suppressions and the diff.
 */
export interface CheckGroup {
  check: CheckMetadata;
  /** Open (failing, not suppressed) results of this check. */
  failing: CheckResult[];
  accountIds: string[];
}

export interface AreaSection {
  id: Area;
  score: Score;
  groups: CheckGroup[];
  findingCount: number;
}

export interface MappedPractice {
  bestPractice: string;
  choiceId: string;
  choiceTitle: string;
  risk: string | undefined;
  checks: { id: string; title: string; failing: number; passing: number; errors: number }[];
  status: 'failing' | 'passing' | 'unknown';
}

export interface MappedQuestion {
  questionId: string;
  code: string;
  title: string;
  pillarId: string;
  practices: MappedPractice[];
}

export interface ResultWithCheck {
  check: CheckMetadata;
  result: CheckResult;
}

export interface ReportChanges {
  previousEvaluatedAt: string;
  newFindings: ResultWithCheck[];
  resolvedFindings: ResultWithCheck[];
}

export interface ReportModel {
  results: ResultsDocument;
  accountNames: Map<string, string>;
  checksById: Map<string, CheckMetadata>;
  total: Score;
  severityCounts: { severity: Severity; count: number }[];
  highRisks: number;
  mediumRisks: number;
  openFindings: number;
  areaScores: { id: Area; score: Score }[];
  pillarScores: { id: Pillar; score: Score }[];
  areas: AreaSection[];
  topFixes: CheckGroup[];
  plan: CheckGroup[];
  coverageGaps: CoverageGap[];
  errors: ResultWithCheck[];
  mapping: MappedQuestion[];
  suppressed: ResultWithCheck[];
  changes: ReportChanges | undefined;
}

/** Failing and not suppressed: what the report lists and counts. */
export const isOpenFinding: (result: CheckResult) => boolean = isOpen;

const effortRank = (check: CheckMetadata): number => EFFORTS.indexOf(check.remediation.effort);

/** The plan: most severe first, then the cheapest fix, then the fix covering most resources. */
export function comparePlan(a: CheckGroup, b: CheckGroup): number {
  return (
    severityRank(b.check.severity) - severityRank(a.check.severity) ||
    effortRank(a.check) - effortRank(b.check) ||
    b.failing.length - a.failing.length ||
    a.check.id.localeCompare(b.check.id)
  );
}

/** What matters most: severity, then reach (resources covered by one fix), then the cheaper fix. */
function compareImpact(a: CheckGroup, b: CheckGroup): number {
  return (
    severityRank(b.check.severity) - severityRank(a.check.severity) ||
    b.failing.length - a.failing.length ||
    effortRank(a.check) - effortRank(b.check) ||
    a.check.id.localeCompare(b.check.id)
  );
}

/** Metadata for a result whose check is not in the document (a document written by hand, say). */
function placeholderCheck(result: CheckResult): CheckMetadata {
  return {
    id: result.checkId,
    title: result.checkId,
    area: result.area,
    pillar: result.pillar,
    severity: result.severity,
    needs: ['unknown'],
    wellArchitected: [],
    remediation: { summary: '', steps: [], effort: 'medium', downtime: false, extraCost: false },
  };
}

function groupOpenFindings(
  results: readonly CheckResult[],
  checkFor: (result: CheckResult) => CheckMetadata,
) {
  const groups = new Map<string, CheckGroup>();
  for (const result of results) {
    if (!isOpenFinding(result)) continue;
    let group = groups.get(result.checkId);
    if (!group) {
      group = { check: checkFor(result), failing: [], accountIds: [] };
      groups.set(result.checkId, group);
    }
    group.failing.push(result);
  }
  for (const group of groups.values()) {
    group.accountIds = [...new Set(group.failing.map((result) => result.resource.accountId))].sort();
  }
  return [...groups.values()];
}

function buildMapping(document: ResultsDocument): MappedQuestion[] {
  const lens = loadWellArchitectedLens();
  const tally = new Map<string, { failing: number; passing: number; errors: number }>();
  for (const result of document.results) {
    const counts = tally.get(result.checkId) ?? { failing: 0, passing: 0, errors: 0 };
    if (isOpenFinding(result)) counts.failing += 1;
    else if (result.status === 'pass') counts.passing += 1;
    else if (result.status === 'error') counts.errors += 1;
    tally.set(result.checkId, counts);
  }
  const questions = new Map<string, MappedQuestion>();
  for (const check of document.checks) {
    for (const mapping of check.wellArchitected) {
      const question = findQuestion(lens, mapping.question);
      let mapped = questions.get(mapping.question);
      if (!mapped) {
        mapped = {
          questionId: mapping.question,
          code: question?.code ?? mapping.bestPractice.split('-')[0] ?? '',
          title: question?.title ?? mapping.question,
          pillarId: question?.pillarId ?? check.pillar,
          practices: [],
        };
        questions.set(mapping.question, mapped);
      }
      let practice = mapped.practices.find((candidate) => candidate.choiceId === mapping.choice);
      if (!practice) {
        const choice = question?.choices.find((candidate) => candidate.id === mapping.choice);
        practice = {
          bestPractice: mapping.bestPractice,
          choiceId: mapping.choice,
          choiceTitle: choice?.title ?? mapping.choice,
          risk: choice?.risk,
          checks: [],
          status: 'unknown',
        };
        mapped.practices.push(practice);
      }
      practice.checks.push({
        id: check.id,
        title: check.title,
        ...(tally.get(check.id) ?? { failing: 0, passing: 0, errors: 0 }),
      });
    }
  }
  for (const question of questions.values()) {
    for (const practice of question.practices) {
      practice.status = practice.checks.some((check) => check.failing > 0)
        ? 'failing'
        : practice.checks.some((check) => check.passing > 0)
          ? 'passing'
          : 'unknown';
    }
    question.practices.sort((a, b) => a.bestPractice.localeCompare(b.bestPractice));
  }
  return [...questions.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

function diff(
  current: ResultsDocument,
  previous: ResultsDocument,
  checkFor: (result: CheckResult) => CheckMetadata,
): ReportChanges {
  const { added, resolved } = diffFindings(previous.results, current.results);
  const previousChecks = new Map(previous.checks.map((check) => [check.id, check]));
  return {
    previousEvaluatedAt: previous.evaluatedAt,
    newFindings: added.map((result) => ({ check: checkFor(result), result })),
    resolvedFindings: resolved.map((result) => ({
      check: previousChecks.get(result.checkId) ?? checkFor(result),
      result,
    })),
  };
}

export function buildReportModel(document: ResultsDocument, previous?: ResultsDocument): ReportModel {
  const checksById = new Map(document.checks.map((check) => [check.id, check]));
  const checkFor = (result: CheckResult) => checksById.get(result.checkId) ?? placeholderCheck(result);
  const groups = groupOpenFindings(document.results, checkFor);
  const open = groups.reduce((sum, group) => sum + group.failing.length, 0);
  const severityCounts = SEVERITIES.map((severity) => ({
    severity,
    count: groups
      .filter((group) => group.check.severity === severity)
      .reduce((sum, group) => sum + group.failing.length, 0),
  }));
  const countOf = (...severities: Severity[]) =>
    severityCounts
      .filter((entry) => severities.includes(entry.severity))
      .reduce((sum, entry) => sum + entry.count, 0);
  const emptyScore: Score = { score: null, pass: 0, fail: 0, error: 0, notApplicable: 0 };
  const areas = AREAS.map((id) => {
    const areaGroups = groups.filter((group) => group.check.area === id).sort(comparePlan);
    return {
      id,
      score: document.summary.byArea[id] ?? emptyScore,
      groups: areaGroups,
      findingCount: areaGroups.reduce((sum, group) => sum + group.failing.length, 0),
    };
  });
  return {
    results: document,
    accountNames: new Map(document.inventory.accounts.map((account) => [account.id, account.name])),
    checksById,
    total: document.summary.total,
    severityCounts,
    highRisks: countOf('critical', 'high'),
    mediumRisks: countOf('medium'),
    openFindings: open,
    areaScores: areas.map(({ id, score }) => ({ id, score })),
    pillarScores: Object.entries(document.summary.byPillar).map(([id, score]) => ({
      id: id as Pillar,
      score,
    })),
    areas,
    topFixes: [...groups].sort(compareImpact).slice(0, 10),
    plan: [...groups].sort(comparePlan),
    coverageGaps: document.inventory.coverage,
    errors: document.results
      .filter((result) => result.status === 'error')
      .map((result) => ({ check: checkFor(result), result })),
    mapping: buildMapping(document),
    suppressed: document.results
      .filter((result) => result.status === 'fail' && result.suppressed)
      .map((result) => ({ check: checkFor(result), result })),
    changes: previous ? diff(document, previous, checkFor) : undefined,
  };
}
