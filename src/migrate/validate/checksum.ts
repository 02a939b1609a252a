import type { RowDataPacket } from 'mysql2/promise';
import type { Queryable } from '../connection.ts';
import { qualifiedName, quoteIdentifier } from '../run/schema-rewrite.ts';
import { rangePredicate, type KeyRange, type TableShape } from './chunks.ts';

/**
 * A chunk's fingerprint: its row count and the XOR of one CRC32 per row over every column (NULL
 * marked apart from the empty string), the method of pt-table-checksum. It is computed by the
 * server, so only two numbers per chunk cross the network.
 */
export interface ChunkChecksum {
  readonly rows: number;
  readonly checksum: string;
}

export function checksumQuery(shape: TableShape, range: KeyRange): { sql: string; params: unknown[] } {
  const columns = shape.columns.map(quoteIdentifier);
  const nullMarks = columns.map((column) => `ISNULL(${column})`).join(', ');
  const rowText = `CONCAT_WS('#', ${columns.join(', ')}, CONCAT(${nullMarks}))`;
  const predicate = rangePredicate(shape.keyColumns, range);
  return {
    sql:
      `SELECT COUNT(*) AS row_count, COALESCE(BIT_XOR(CRC32(${rowText})), 0) AS crc ` +
      `FROM ${qualifiedName(shape.database, shape.table)} WHERE ${predicate.sql}`,
    params: predicate.params,
  };
}

export async function checksumChunk(
  server: Queryable,
  shape: TableShape,
  range: KeyRange,
): Promise<ChunkChecksum> {
  const { sql, params } = checksumQuery(shape, range);
  const [rows] = await server.query<RowDataPacket[]>(sql, params);
  const row = rows[0];
  return { rows: Number(row?.row_count ?? 0), checksum: String(row?.crc ?? '0') };
}

export function sameChecksum(a: ChunkChecksum, b: ChunkChecksum): boolean {
  return a.rows === b.rows && a.checksum === b.checksum;
}
