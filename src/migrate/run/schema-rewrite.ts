/**
 * Rewrites one mydumper `-schema.sql` file (SHOW CREATE TABLE output) for a fast load:
 *  - secondary indexes and foreign keys are taken out of CREATE TABLE and returned as one
 *    ALTER TABLE to run after the data: InnoDB then builds each index by a sort instead of a
 *    random B-tree insert per row;
 *  - every table becomes InnoDB (Aurora MySQL keeps only InnoDB; MyISAM is not transactional, so a
 *    partial chunk could not be rolled back), dropping the table options InnoDB refuses.
 * The primary key stays, so chunks in key order append to the clustered index.
 */
export interface RewrittenSchema {
  /** The file's statements with the rewritten CREATE TABLE. */
  readonly createSql: string;
  /** `ADD KEY …` / `ADD CONSTRAINT … FOREIGN KEY …` clauses, in their original order. */
  readonly deferredClauses: readonly string[];
  /** The original engine when it was not InnoDB. */
  readonly convertedFromEngine: string | null;
  readonly hasPrimaryKey: boolean;
}

const DEFERRABLE_KEY = /^(UNIQUE KEY|KEY|UNIQUE INDEX|INDEX)\s/i;
const FOREIGN_KEY = /^CONSTRAINT\s+`(?:[^`]|``)+`\s+FOREIGN KEY\s/i;
const NON_INNODB_OPTIONS =
  /\s+(ROW_FORMAT|DELAY_KEY_WRITE|PACK_KEYS|PAGE_CHECKSUM|TRANSACTIONAL|CHECKSUM|MIN_ROWS|MAX_ROWS|KEY_BLOCK_SIZE)=\w+/gi;

export function rewriteTableSchema(sql: string): RewrittenSchema {
  const start = sql.search(/CREATE TABLE\s+`(?:[^`]|``)+`\s*\(\n/i);
  if (start < 0)
    return { createSql: sql, deferredClauses: [], convertedFromEngine: null, hasPrimaryKey: false };
  const bodyStart = sql.indexOf('(\n', start) + 2;
  const bodyEnd = sql.indexOf('\n)', bodyStart);
  const lines = sql
    .slice(bodyStart, bodyEnd)
    .split('\n')
    .map((line) => line.trim().replace(/,$/, ''));
  const autoIncrementColumn = lines.find((line) => /^`/.test(line) && /\bAUTO_INCREMENT\b/i.test(line));
  const autoIncrementName = autoIncrementColumn?.match(/^(`(?:[^`]|``)+`)/)?.[1];
  const primaryKey = lines.find((line) => /^PRIMARY KEY\s/i.test(line));
  // An AUTO_INCREMENT column must lead some index; keep the first one that it leads.
  const keeperForAutoIncrement =
    autoIncrementName && !primaryKey?.includes(`(${autoIncrementName}`)
      ? lines.find((line) => DEFERRABLE_KEY.test(line) && line.includes(`(${autoIncrementName}`))
      : undefined;

  const kept: string[] = [];
  const deferredClauses: string[] = [];
  for (const line of lines) {
    const deferrable =
      (DEFERRABLE_KEY.test(line) && line !== keeperForAutoIncrement) || FOREIGN_KEY.test(line);
    if (deferrable) deferredClauses.push(`ADD ${line}`);
    else kept.push(line);
  }

  let tail = sql.slice(bodyEnd);
  const tailEnd = tail.indexOf(';');
  let options = tail.slice(0, tailEnd);
  tail = tail.slice(tailEnd);
  const engine = options.match(/ENGINE=(\w+)/i)?.[1] ?? 'InnoDB';
  const convertedFromEngine = engine.toLowerCase() === 'innodb' ? null : engine;
  if (convertedFromEngine) {
    options = options.replace(/ENGINE=\w+/gi, 'ENGINE=InnoDB').replace(NON_INNODB_OPTIONS, '');
  }
  const createSql = sql.slice(0, bodyStart) + kept.map((line) => `  ${line}`).join(',\n') + options + tail;
  return { createSql, deferredClauses, convertedFromEngine, hasPrimaryKey: primaryKey !== undefined };
}

/** Quotes an identifier for MySQL/MariaDB. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function qualifiedName(database: string, table: string): string {
  return `${quoteIdentifier(database)}.${quoteIdentifier(table)}`;
}

/** The key or constraint name a deferred clause adds, to skip clauses a crashed run already applied. */
export function deferredClauseName(clause: string): string | null {
  const match = clause.match(/^ADD (?:UNIQUE KEY|KEY|UNIQUE INDEX|INDEX|CONSTRAINT)\s+`((?:[^`]|``)+)`/i);
  return match?.[1]?.replace(/``/g, '`') ?? null;
}
