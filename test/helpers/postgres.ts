import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';

/** The PostgreSQL server the test machines run (trust auth); override with WAREVIEW_TEST_POSTGRES. */
export const POSTGRES_ADMIN_URL = process.env.WAREVIEW_TEST_POSTGRES ?? 'postgres://root@127.0.0.1:5432/test';

async function withAdmin(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database per test on the shared server, dropped afterwards, pass or fail. */
export function usePostgresDatabase(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    const names = made.splice(0);
    if (names.length === 0) return;
    await withAdmin(async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });
  return async () => {
    const name = `wareview_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(async (client) => {
      await client.query(`CREATE DATABASE ${name}`);
    });
    made.push(name);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    return url.toString();
  };
}
