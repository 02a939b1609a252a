import type { FindingRecord } from '../history/store.ts';

/** What a notification says about a run, whatever channel carries it. */
export interface RunNotice {
  workload: string;
  score: number | null;
  open: number;
  fail: number;
  error: number;
  exitCode: number;
  /** Where the report is: the run folder, or its archive location. */
  reportLocation: string;
  added: FindingRecord[];
  resolved: FindingRecord[];
  /** False on a workload's first run: nothing to compare with. */
  compared: boolean;
}

/** Findings listed per kind; the counts are always complete. */
export const LISTED_FINDINGS = 10;

function listed(title: string, findings: readonly FindingRecord[]): string[] {
  if (findings.length === 0) return [];
  const lines = findings
    .slice(0, LISTED_FINDINGS)
    .map((finding) => `• [${finding.severity}] ${finding.checkId}: ${finding.evidence}`);
  if (findings.length > LISTED_FINDINGS) lines.push(`… and ${findings.length - LISTED_FINDINGS} more`);
  return [`${title} (${findings.length}):`, ...lines];
}

export function noticeTitle(notice: RunNotice): string {
  return `wareview: ${notice.workload}: score ${notice.score ?? '-'}/100, ${notice.open} open finding(s)`;
}

/** The notice as plain text lines: Slack, Teams and SNS e-mail all show these. */
export function noticeLines(notice: RunNotice): string[] {
  return [
    noticeTitle(notice),
    notice.compared
      ? `Since the previous run: ${notice.added.length} new, ${notice.resolved.length} resolved.`
      : 'First recorded run of this workload.',
    ...listed('New findings', notice.added),
    ...listed('Resolved findings', notice.resolved),
    `Errors: ${notice.error}. Exit code: ${notice.exitCode}.`,
    `Report: ${notice.reportLocation}`,
  ];
}
