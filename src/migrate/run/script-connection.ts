import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import { connectionError } from '../connection.ts';
import type { ServerRole, ServerUrl } from '../source-url.ts';

/**
 * A connection that runs whole dump files: mydumper's schema, view, trigger and routine files are
 * several statements each, and routine bodies contain `;`, so they go to the server unsplit.
 */
export async function openScriptConnection(url: ServerUrl, role: ServerRole): Promise<Connection> {
  try {
    return await mysql.createConnection({
      host: url.host,
      port: url.port,
      user: url.user,
      password: url.password,
      connectTimeout: 10_000,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
      multipleStatements: true,
    });
  } catch (error) {
    throw connectionError(url, role, error);
  }
}

/** Runs a statement that a restricted account (RDS, Aurora) may be refused; returns whether it ran. */
export async function tryQuery(
  connection: Connection,
  sql: string,
  params: unknown[] = [],
): Promise<boolean> {
  try {
    await connection.query(sql, params);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (
      /ACCESS_DENIED|SPECIFIC_ACCESS_DENIED|DBACCESS_DENIED|PRIVILEGE|READ_ONLY|INCORRECT_GLOBAL_LOCAL_VAR/.test(
        code,
      )
    ) {
      return false;
    }
    throw error;
  }
}

export async function queryRows<T = RowDataPacket>(
  connection: Pick<Connection, 'query'>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const [rows] = await connection.query<RowDataPacket[]>(sql, params);
  return rows as T[];
}

export async function connectionId(connection: Connection): Promise<number> {
  const [row] = await queryRows<{ id: number | string }>(connection, 'SELECT CONNECTION_ID() AS id');
  return Number(row?.id);
}
