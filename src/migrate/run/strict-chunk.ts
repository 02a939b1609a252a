import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { quoteIdentifier } from './schema-rewrite.ts';

/**
 * A dump chunk as myloader should load it: strictly. mydumper writes `INSERT IGNORE`, which turns a
 * value the target cannot hold (out of range, too long, invalid date) into a silent warning, and
 * myloader's session sql_mode is not strict. The copy starts with a strict sql_mode and inserts
 * plainly, so such a row fails the chunk (and the run) instead of loading something else.
 *
 * A chunk that a killed run may already have committed is reloaded with
 * `ON DUPLICATE KEY UPDATE pk = pk`: rows already there are kept, and only a duplicate primary key
 * is forgiven, never a conversion. mydumper escapes newlines inside values, so every raw newline
 * ends a row and a line ending in `;` ends the statement.
 */
export const STRICT_LOAD_SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO,STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';

export interface StrictChunkOptions {
  /** A primary-key column, when rows a previous run committed may already be in the table. */
  readonly keepExistingBy: string | null;
}

export function strictChunkLine(
  line: string,
  inInsert: boolean,
  options: StrictChunkOptions,
): {
  text: string;
  inInsert: boolean;
} {
  const starts = /^INSERT\s+IGNORE\s+INTO\s/i.test(line) || /^INSERT\s+INTO\s/i.test(line);
  const text = starts ? line.replace(/^INSERT\s+IGNORE\s+INTO\s/i, 'INSERT INTO ') : line;
  const insert = inInsert || starts;
  if (!insert || !text.endsWith(';')) return { text, inInsert: insert };
  if (!options.keepExistingBy) return { text, inInsert: false };
  const column = quoteIdentifier(options.keepExistingBy);
  return { text: `${text.slice(0, -1)} ON DUPLICATE KEY UPDATE ${column} = ${column};`, inInsert: false };
}

/** Writes the strict copy of `from` to `to`. */
export async function writeStrictChunk(from: string, to: string, options: StrictChunkOptions): Promise<void> {
  const output = createWriteStream(to);
  const write = async (text: string): Promise<void> => {
    if (!output.write(text)) await once(output, 'drain');
  };
  try {
    await write(`/*!40101 SET SESSION sql_mode = '${STRICT_LOAD_SQL_MODE}' */;\n`);
    let inInsert = false;
    for await (const line of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
      const next = strictChunkLine(line, inInsert, options);
      inInsert = next.inInsert;
      await write(`${next.text}\n`);
    }
  } finally {
    output.end();
    await finished(output);
  }
}

/** The first primary-key column named in a CREATE TABLE statement, or null. */
export function firstPrimaryKeyColumn(createSql: string): string | null {
  const match = /PRIMARY KEY\s*\(\s*`((?:[^`]|``)+)`/i.exec(createSql);
  return match ? match[1]!.replace(/``/g, '`') : null;
}
