/**
 * Splits a SHOW CREATE TABLE statement into a table without secondary indexes and foreign keys, and
 * the index clauses to add afterwards: the probe loads data the way the run does (keys after data).
 */
export interface SplitTable {
  /** CREATE TABLE with primary/unique keys and checks, without secondary indexes and foreign keys. */
  readonly create: string;
  /** `KEY ...` / `FULLTEXT KEY ...` clauses, for `ALTER TABLE … ADD <clause>, …`. */
  readonly secondaryIndexes: readonly string[];
}

const SECONDARY_INDEX = /^(?:KEY|INDEX|FULLTEXT\s+(?:KEY|INDEX)|SPATIAL\s+(?:KEY|INDEX))\s/i;
const FOREIGN_KEY = /^CONSTRAINT\s+`(?:[^`]|``)*`\s+FOREIGN\s+KEY\s/i;
const TABLE_OPTIONS_ENGINE = /\bENGINE=\w+/i;

export function splitCreateTable(
  createTable: string,
  options: { engine?: string; name?: string } = {},
): SplitTable {
  const lines = createTable.split('\n');
  const header = lines[0] ?? '';
  const footer = lines[lines.length - 1] ?? '';
  const body = lines.slice(1, -1).map((line) => line.trim().replace(/,$/, ''));
  const secondaryIndexes = body.filter((line) => SECONDARY_INDEX.test(line));
  const kept = body.filter((line) => !SECONDARY_INDEX.test(line) && !FOREIGN_KEY.test(line));
  const renamedHeader = options.name
    ? header.replace(/^CREATE TABLE `(?:[^`]|``)*`/, `CREATE TABLE ${options.name}`)
    : header;
  const engineFooter = options.engine
    ? footer.replace(TABLE_OPTIONS_ENGINE, `ENGINE=${options.engine}`)
    : footer;
  return {
    create: [renamedHeader, kept.map((line) => `  ${line}`).join(',\n'), engineFooter].join('\n'),
    secondaryIndexes,
  };
}
