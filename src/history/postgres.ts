import pg from 'pg';
import { numberedPlaceholders, type SqlConnection } from './sql.ts';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL as it may be printed: without its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * A shared history in PostgreSQL. One connection per command: a run writes once and reads a few times.
 * Password and TLS come from the URL or the usual PG* variables (PGPASSWORD, PGSSLMODE).
 */
export async function openPostgres(url: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString: url });
  // A dropped connection also fails the pending query, which reports it; unhandled, the event would end the process.
  client.on('error', () => {});
  await client.connect();
  const query = async <T>(sql: string, params: readonly unknown[] = []) =>
    (await client.query(numberedPlaceholders(sql), params as unknown[])).rows as T[];
  return {
    dialect: 'postgres',
    location: redactedUrl(url),
    query,
    exec: async (sql) => {
      await client.query(sql);
    },
    transaction: async (work) => {
      await client.query('BEGIN');
      try {
        const result = await work();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    close: () => client.end(),
  };
}
