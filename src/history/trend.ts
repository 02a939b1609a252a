import type { RunRecord } from './store.ts';

/** Score and open findings per area over runs, oldest first: one row per area, one column per run. */
export function trendTable(runs: readonly RunRecord[]): string[][] {
  const ordered = [...runs].reverse();
  const areas = [...new Set(ordered.flatMap((run) => Object.keys(run.areas)))].sort();
  const cell = (point: { score: number | null; open: number } | undefined) =>
    point ? `${point.score ?? '-'} (${point.open})` : '';
  return [
    ['area', ...ordered.map((run) => `#${run.id} ${run.evaluatedAt.slice(0, 10)}`)],
    ['total score', ...ordered.map((run) => String(run.score ?? '-'))],
    ...areas.map((area) => [area, ...ordered.map((run) => cell(run.areas[area]))]),
  ];
}

/** A table as aligned text columns. */
export function formatColumns(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((text, column) => text.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
