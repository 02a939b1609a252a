import { hash, randomUUID } from 'node:crypto';
import { describeError } from '../errors.ts';
import type { Inventory } from '../inventory/schema.ts';
import { WAREVIEW_VERSION } from '../version.ts';
import { loadWellArchitectedLens } from '../watool/lens.ts';
import {
  accountRef,
  AREAS,
  checkMetadata,
  PILLARS,
  SEVERITIES,
  severityRank,
  type Check,
  type CheckOutcome,
} from './check.ts';
import { distinctGaps, gapConcernsCheck, gapOutcome, outcomeInGap } from './coverage.ts';
import { RESULTS_VERSION, type CheckResult, type ResultsDocument, type Score } from './results.ts';
import { applySuppressions, type Suppression } from './suppressions.ts';

export interface EvaluateOptions {
  suppressions?: Suppression[];
  /** Evaluation time; defaults to now. Only stamps the document and judges suppression expiry. */
  now?: Date;
}

/** A finding key stays the same for a check and resource across runs, whatever else changes. */
export function findingKey(checkId: string, arn: string): string {
  return hash('sha256', `${checkId}\n${arn}`, 'hex').slice(0, 16);
}

/**
 * Runs one check. Missing data is never compliance: outcomes inside a coverage gap of a part the check
 * needs are replaced by one `error` per gap, and a check that throws yields one `error` result.
 */
export function runCheck(check: Check, inventory: Inventory): CheckOutcome[] {
  const gaps = inventory.coverage.filter((gap) => gapConcernsCheck(check.needs, gap));
  let outcomes: CheckOutcome[];
  try {
    outcomes = check.evaluate(inventory, { now: new Date(inventory.collectedAt) });
    if (!Array.isArray(outcomes)) throw new Error('evaluate did not return an array of results');
  } catch (error) {
    const scope =
      inventory.organization?.managementAccountId ?? inventory.scope.accounts[0] ?? '000000000000';
    return [
      {
        status: 'error',
        resource: accountRef(scope),
        evidence: `the check failed while evaluating: ${describeError(error)}`,
        messageId: 'check-threw',
      },
    ];
  }
  const kept = outcomes.filter((outcome) => !gaps.some((gap) => outcomeInGap(outcome, gap)));
  return [...kept, ...distinctGaps(gaps).map(gapOutcome)];
}

export function evaluateChecks(
  checks: readonly Check[],
  inventory: Inventory,
  options: EvaluateOptions = {},
): ResultsDocument {
  const now = options.now ?? new Date();
  const results: CheckResult[] = [];
  for (const check of checks) {
    for (const outcome of runCheck(check, inventory)) {
      results.push({
        checkId: check.id,
        status: outcome.status,
        severity: check.severity,
        area: check.area,
        pillar: check.pillar,
        resource: { name: '', ...outcome.resource },
        evidence: outcome.evidence,
        ...(outcome.messageId ? { messageId: outcome.messageId } : {}),
        ...(outcome.details ? { details: outcome.details } : {}),
        findingKey: findingKey(check.id, outcome.resource.arn),
      });
    }
  }
  const { results: suppressed, warnings } = applySuppressions(results, options.suppressions ?? [], now);
  const lens = loadWellArchitectedLens();
  return {
    schemaVersion: RESULTS_VERSION,
    generator: { name: 'wareview', version: WAREVIEW_VERSION },
    evaluatedAt: now.toISOString(),
    runId: randomUUID(),
    workload: inventory.workload,
    inventory: {
      collectedAt: inventory.collectedAt,
      scope: inventory.scope,
      accounts: inventory.accounts.map(({ id, name, ouPath }) => ({ id, name, ouPath })),
      coverage: inventory.coverage,
    },
    lens: { alias: lens.alias, version: lens.version },
    checks: checks.map(checkMetadata),
    results: sortResults(suppressed),
    summary: summarise(suppressed),
    warnings,
  };
}

/**
 * Failures first, then errors, passes and not applicable; within a status by severity, check and ARN.
 * Status, severity and check fold into one number per result, so only results of the same check and
 * status compare their ARNs.
 */
export function sortResults(results: CheckResult[]): CheckResult[] {
  const statusOrder = { fail: 0, error: 1, pass: 2, not_applicable: 3 } as const;
  const checkIds = [...new Set(results.map((result) => result.checkId))].sort((a, b) => a.localeCompare(b));
  const checkRank = new Map(checkIds.map((id, rank) => [id, rank]));
  const groupOf = (result: CheckResult) =>
    (statusOrder[result.status] * (SEVERITIES.length + 1) +
      (SEVERITIES.length - severityRank(result.severity))) *
      checkIds.length +
    checkRank.get(result.checkId)!;
  const keyed = results.map((result, position) => ({ result, group: groupOf(result), position }));
  keyed.sort(
    (a, b) =>
      a.group - b.group ||
      a.result.resource.arn.localeCompare(b.result.resource.arn) ||
      a.position - b.position,
  );
  return keyed.map(({ result }) => result);
}

/** Severity-weighted share of passing results; suppressed failures count as neither. */
export function score(results: readonly CheckResult[]): Score {
  let weightPass = 0;
  let weightAll = 0;
  const counts = { pass: 0, fail: 0, error: 0, notApplicable: 0 };
  for (const result of results) {
    if (result.suppressed) continue;
    const weight = severityRank(result.severity);
    if (result.status === 'pass') {
      counts.pass += 1;
      weightPass += weight;
      weightAll += weight;
    } else if (result.status === 'fail') {
      counts.fail += 1;
      weightAll += weight;
    } else if (result.status === 'error') counts.error += 1;
    else counts.notApplicable += 1;
  }
  return { score: weightAll === 0 ? null : Math.round((100 * weightPass) / weightAll), ...counts };
}

export function summarise(results: readonly CheckResult[]): ResultsDocument['summary'] {
  const inArea = groupBy(results, (result) => result.area);
  const inPillar = groupBy(results, (result) => result.pillar);
  const byArea = Object.fromEntries(AREAS.map((area) => [area, score(inArea.get(area) ?? [])]));
  const byPillar = Object.fromEntries(
    PILLARS.map((pillar) => [pillar, score(inPillar.get(pillar) ?? [])]).filter(
      ([, value]) => (value as Score).pass + (value as Score).fail + (value as Score).error > 0,
    ),
  );
  const failuresBySeverity: Record<string, number> = {};
  for (const result of results) {
    if (result.status === 'fail' && !result.suppressed) {
      failuresBySeverity[result.severity] = (failuresBySeverity[result.severity] ?? 0) + 1;
    }
  }
  return { total: score(results), byArea, byPillar, failuresBySeverity };
}

function groupBy<K>(
  results: readonly CheckResult[],
  keyOf: (result: CheckResult) => K,
): Map<K, CheckResult[]> {
  const groups = new Map<K, CheckResult[]>();
  for (const result of results) {
    const group = groups.get(keyOf(result));
    if (group) group.push(result);
    else groups.set(keyOf(result), [result]);
  }
  return groups;
}
