import { severityRank, type Severity } from '../engine/check.ts';

/** What a finding needs for a diff: its stable key, and whether it counts. */
export interface DiffableFinding {
  findingKey: string;
  status: string;
  severity: string;
  suppressed?: unknown;
}

export interface FindingsDiff<T> {
  added: T[];
  resolved: T[];
  persisting: T[];
}

/** An open finding: failing and not suppressed. */
export function isOpen(finding: DiffableFinding): boolean {
  return finding.status === 'fail' && !finding.suppressed;
}

/** New, resolved and persisting open findings between two runs, matched by finding key. */
export function diffFindings<T extends DiffableFinding>(
  previous: readonly T[],
  current: readonly T[],
): FindingsDiff<T> {
  const before = new Map(previous.filter(isOpen).map((finding) => [finding.findingKey, finding]));
  const now = new Map(current.filter(isOpen).map((finding) => [finding.findingKey, finding]));
  return {
    added: [...now.values()].filter((finding) => !before.has(finding.findingKey)),
    resolved: [...before.values()].filter((finding) => !now.has(finding.findingKey)),
    persisting: [...now.values()].filter((finding) => before.has(finding.findingKey)),
  };
}

export function countAtOrAbove(findings: readonly DiffableFinding[], threshold: Severity): number {
  return findings.filter((finding) => severityRank(finding.severity as Severity) >= severityRank(threshold))
    .length;
}
