import type { Pool, RowDataPacket } from 'mysql2/promise';
import { qualifiedName, quoteIdentifier } from '../run/schema-rewrite.ts';

/**
 * Primary-key ranges of a table, found on the source by walking the key (each boundary is the key
 * `chunkRows` rows after the previous one) and applied identically on both servers. The first range
 * has no lower bound and the last no upper bound, so rows outside the source's key span on the
 * target fall into a range too.
 */
export type KeyValue = string | number | Buffer | null;

export interface KeyRange {
  /** Inclusive lower bound, null for the first range. */
  readonly from: readonly KeyValue[] | null;
  /** Exclusive upper bound, null for the last range. */
  readonly to: readonly KeyValue[] | null;
}

export interface TableShape {
  readonly database: string;
  readonly table: string;
  /** Primary-key columns in key order; empty means the whole table is one range. */
  readonly keyColumns: readonly string[];
  readonly columns: readonly string[];
}

export interface SqlPart {
  readonly sql: string;
  readonly params: KeyValue[];
}

export async function readTableShapes(pool: Pool, databases: readonly string[]): Promise<TableShape[]> {
  const [tables] = await pool.query<RowDataPacket[]>(
    "SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' " +
      'AND TABLE_SCHEMA IN (?) ORDER BY TABLE_SCHEMA, TABLE_NAME',
    [databases],
  );
  const [columns] = await pool.query<RowDataPacket[]>(
    'SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, COLUMN_NAME AS col, COLUMN_KEY AS colKey FROM information_schema.COLUMNS ' +
      'WHERE TABLE_SCHEMA IN (?) ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION',
    [databases],
  );
  const [keys] = await pool.query<RowDataPacket[]>(
    "SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, COLUMN_NAME AS col FROM information_schema.KEY_COLUMN_USAGE WHERE CONSTRAINT_NAME = 'PRIMARY' " +
      'AND TABLE_SCHEMA IN (?) ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION',
    [databases],
  );
  const of = (rows: RowDataPacket[], db: string, name: string): string[] =>
    rows.filter((row) => row.db === db && row.name === name).map((row) => String(row.col));
  return tables.map((row) => ({
    database: String(row.db),
    table: String(row.name),
    keyColumns: of(keys, row.db, row.name),
    columns: of(columns, row.db, row.name),
  }));
}

/**
 * `(k1, k2) >= (v1, v2)` written out as ORs of equal prefixes, which every MySQL and MariaDB
 * version turns into index ranges (row-constructor comparisons are not always optimised).
 */
export function keyComparison(
  columns: readonly string[],
  operator: '>=' | '<',
  values: readonly KeyValue[],
): SqlPart {
  const strict = operator === '>=' ? '>' : '<';
  const alternatives: string[] = [];
  const params: KeyValue[] = [];
  columns.forEach((column, index) => {
    const prefix = columns.slice(0, index).map((name) => `${quoteIdentifier(name)} = ?`);
    const last = index === columns.length - 1 && operator === '>=' ? '>=' : strict;
    alternatives.push([...prefix, `${quoteIdentifier(column)} ${last} ?`].join(' AND '));
    params.push(...values.slice(0, index), values[index] ?? null);
  });
  return {
    sql:
      alternatives.length === 1
        ? alternatives[0]!
        : `(${alternatives.map((part) => `(${part})`).join(' OR ')})`,
    params,
  };
}

export function rangePredicate(columns: readonly string[], range: KeyRange): SqlPart {
  const parts: SqlPart[] = [];
  if (range.from) parts.push(keyComparison(columns, '>=', range.from));
  if (range.to) parts.push(keyComparison(columns, '<', range.to));
  if (parts.length === 0) return { sql: '1 = 1', params: [] };
  return { sql: parts.map((part) => part.sql).join(' AND '), params: parts.flatMap((part) => part.params) };
}

/** Walks the key on the source: one indexed query per boundary, each reading `chunkRows` keys. */
export async function keyRanges(pool: Pool, shape: TableShape, chunkRows: number): Promise<KeyRange[]> {
  if (shape.keyColumns.length === 0) return [{ from: null, to: null }];
  const columnList = shape.keyColumns.map(quoteIdentifier).join(', ');
  const boundaries: KeyValue[][] = [];
  for (;;) {
    const previous = boundaries.at(-1);
    const where = previous ? keyComparison(shape.keyColumns, '>=', previous) : null;
    const [rows] = await pool.query<RowDataPacket[]>({
      sql:
        `SELECT ${columnList} FROM ${qualifiedName(shape.database, shape.table)}` +
        (where ? ` WHERE ${where.sql}` : '') +
        ` ORDER BY ${columnList} LIMIT 1 OFFSET ${chunkRows}`,
      values: where?.params ?? [],
      rowsAsArray: true,
    });
    const row = rows[0] as unknown as KeyValue[] | undefined;
    if (!row) break;
    boundaries.push(row);
  }
  const ranges: KeyRange[] = [];
  let from: KeyValue[] | null = null;
  for (const boundary of boundaries) {
    ranges.push({ from, to: boundary });
    from = boundary;
  }
  ranges.push({ from, to: null });
  return ranges;
}

export function describeRange(shape: TableShape, range: KeyRange): string {
  if (shape.keyColumns.length === 0) return 'whole table (no primary key)';
  const tuple = (values: readonly KeyValue[]): string =>
    values.length === 1 ? formatValue(values[0]!) : `(${values.map(formatValue).join(', ')})`;
  const key = shape.keyColumns.length === 1 ? shape.keyColumns[0]! : `(${shape.keyColumns.join(', ')})`;
  if (range.from && range.to) return `${tuple(range.from)} <= ${key} < ${tuple(range.to)}`;
  if (range.from) return `${key} >= ${tuple(range.from)}`;
  if (range.to) return `${key} < ${tuple(range.to)}`;
  return `all ${key}`;
}

function formatValue(value: KeyValue): string {
  if (value === null) return 'NULL';
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`;
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
