import { formatCount } from '../run/progress.ts';
import type { ValidationResult } from './validate.ts';

/** The terminal summary: one line per table, then every differing key range. */
export function formatValidation(result: ValidationResult): string {
  const width = Math.max(5, ...result.tables.map((table) => table.table.length));
  const lines = result.tables.map((table) => {
    const verdict = table.differences.length === 0 ? 'equal' : `${table.differences.length} range(s) differ`;
    return `${table.table.padEnd(width)}  rows ${String(table.sourceRows).padStart(10)} source / ${String(table.targetRows).padStart(10)} target  ${String(table.chunks).padStart(5)} ranges  ${verdict}`;
  });
  for (const table of result.tables) {
    for (const difference of table.differences) {
      const side = (checksum: { rows: number; checksum: string } | null): string =>
        checksum ? `${checksum.rows} rows, crc ${checksum.checksum}` : 'table missing';
      lines.push(
        `DIFFERENT ${difference.table} where ${difference.range}: source ${side(difference.source)}, target ${side(difference.target)}`,
      );
    }
  }
  const rate = result.seconds > 0 ? result.rows / result.seconds : 0;
  lines.push(
    `${result.equal ? 'equal' : 'DIFFERENCES FOUND'}: ${result.tables.length} tables, ${formatCount(result.rows)} rows ` +
      `in ${result.seconds.toFixed(1)} s (${formatCount(rate)} rows/s); ${result.consistency}`,
  );
  return lines.join('\n');
}
