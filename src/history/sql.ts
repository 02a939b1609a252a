/**
 * The little SQL the history needs, over either engine: the embedded SQLite file or a shared PostgreSQL.
 * Statements are written once with `?` placeholders and double-quoted aliases, which both engines read.
 */
export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlConnection {
  readonly dialect: SqlDialect;
  /** Where the history lives, for messages (a path, or the URL without its password). */
  readonly location: string;
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons, without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders as PostgreSQL's `$1, $2 …`. No statement of the history has a `?` inside a literal. */
export function numberedPlaceholders(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}
