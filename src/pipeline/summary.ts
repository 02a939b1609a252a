import { AREA_TITLES, AREAS, SEVERITIES } from '../engine/check.ts';
import type { ResultsDocument } from '../engine/results.ts';

/** The few lines a person reads in the terminal after a run; the report holds the rest. */
export function formatRunSummary(results: ResultsDocument, topFindings = 8): string {
  const { total, byArea, failuresBySeverity } = results.summary;
  const lines = [
    `wareview: ${results.workload}: ${results.checks.length} checks over ${results.inventory.scope.accounts.length} account(s), ${results.inventory.scope.regions.length} region(s)`,
    `  score ${total.score ?? '-'}/100   pass ${total.pass}   fail ${total.fail}   error ${total.error}   not applicable ${total.notApplicable}`,
    `  failing by severity: ${
      SEVERITIES.filter((severity) => failuresBySeverity[severity])
        .map((severity) => `${severity} ${failuresBySeverity[severity]}`)
        .join(', ') || 'none'
    }`,
  ];
  for (const area of AREAS) {
    const score = byArea[area];
    if (score && score.pass + score.fail + score.error > 0) {
      lines.push(
        `  ${AREA_TITLES[area].padEnd(42)} ${String(score.score ?? '-').padStart(3)}/100  fail ${score.fail}`,
      );
    }
  }
  const failures = results.results.filter((result) => result.status === 'fail' && !result.suppressed);
  if (failures.length > 0) {
    lines.push('  top findings:');
    for (const failure of failures.slice(0, topFindings)) {
      lines.push(`    [${failure.severity}] ${failure.checkId}: ${failure.evidence}`);
    }
    if (failures.length > topFindings)
      lines.push(`    … and ${failures.length - topFindings} more in the report`);
  }
  const gaps = results.inventory.coverage.length;
  if (gaps > 0) lines.push(`  coverage gaps: ${gaps} (see the report's coverage section)`);
  for (const warning of results.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}
