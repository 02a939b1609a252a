import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlConnection } from './sql.ts';

/** The embedded history file. better-sqlite3 is synchronous; the interface is async for PostgreSQL's sake. */
export function openSqlite(path: string): SqlConnection {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // A second process (a manual `history list` during a scheduled run) waits for the writer instead of failing.
  db.pragma('busy_timeout = 10000');
  return {
    dialect: 'sqlite',
    location: path,
    query: async <T>(sql: string, params: readonly unknown[] = []) => {
      const statement = db.prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    },
    exec: async (sql) => {
      db.exec(sql);
    },
    transaction: async (work) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    close: async () => {
      db.close();
    },
  };
}
