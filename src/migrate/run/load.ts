import { mkdir, open, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { usesRdsProcedures } from '../dialect.ts';
import { userError } from '../../errors.ts';
import pLimit from 'p-limit';
import type { RunContext } from './context.ts';
import { readDumpFiles, type DumpChunk, type DumpFiles, type DumpTable } from './dump-files.ts';
import { runMyloader } from './mydumper.ts';
import { formatBytes } from './progress.ts';
import { retryStalledTool } from './watchdog.ts';
import {
  deferredClauseName,
  qualifiedName,
  quoteIdentifier,
  rewriteTableSchema,
  type RewrittenSchema,
} from './schema-rewrite.ts';
import { connectionId, openScriptConnection, queryRows, tryQuery } from './script-connection.ts';
import type { TableLoadState } from './state.ts';
import { firstPrimaryKeyColumn, type StrictChunkOptions, writeStrictChunk } from './strict-chunk.ts';
import {
  applyGlobalLoadSettings,
  applySessionLoadSettings,
  restoreGlobalLoadSettings,
} from './target-settings.ts';

/**
 * The load step: tables created by us without their secondary keys (and as InnoDB), data loaded
 * by myloader one chunk per invocation in primary-key order (`threads` at a time), keys and
 * foreign keys added per table by one ALTER TABLE once its data is in, then views, triggers,
 * routines and events.
 *
 * Loading is strict (see strict-chunk.ts): a value the target cannot hold fails the run.
 * Resume: every finished chunk is recorded. A chunk a killed run may have committed is loaded again
 * keeping the rows already there (ON DUPLICATE KEY on the primary key only). A table without a
 * primary key cannot be deduplicated: it is emptied and loaded again as a whole unless it was finished.
 */
interface PreparedTable {
  readonly dump: DumpTable;
  readonly schema: RewrittenSchema;
  /** Bytes per row measured on the first chunk, for the rows figure of the progress display. */
  readonly bytesPerRow: number;
}

export async function loadStep(context: RunContext): Promise<void> {
  const { store, progress } = context;
  const files = await readDumpFiles(context.dumpDir);
  const tables = await Promise.all(files.tables.map((table) => prepareTable(files, table)));
  const resumed = store.state.load !== undefined;
  store.state.load ??= { tables: {}, objectsDone: false, childPids: [], connectionIds: [] };
  const load = store.state.load;
  const startedAt = Date.now();
  progress.phase('load');

  const session = await openScriptConnection(context.target, 'target');
  try {
    await stopLeftovers(session, load.childPids, load.connectionIds);
    load.childPids = [];
    load.connectionIds = [];
    await applySessionLoadSettings(session, context.targetKind);
    const skipped = await applyGlobalLoadSettings(session, context.targetKind, store);
    if (skipped.length > 0)
      progress.log(`load: the target refused ${skipped.join(', ')}; set them in its configuration`);
    reportWarnings(context, tables);

    for (const database of files.databases) {
      const sql = await readFile(join(files.dir, database.createFile), 'utf8');
      await session.query(
        sql.replace(/CREATE DATABASE\s+(?!IF NOT EXISTS)/i, 'CREATE DATABASE IF NOT EXISTS '),
      );
    }
    for (const table of tables) await createOrReset(session, table, load.tables);
    await store.save();

    const totalBytes = tables.reduce((sum, table) => sum + table.dump.bytes, 0);
    const isDone = (table: PreparedTable, chunk: DumpChunk): boolean =>
      load.tables[table.dump.name]?.chunksDone.includes(chunk.file) ?? false;
    let doneBytes = 0;
    let rows = 0;
    for (const table of tables) {
      for (const chunk of table.dump.chunks) {
        if (isDone(table, chunk)) {
          doneBytes += chunk.bytes;
          rows += chunk.bytes / table.bytesPerRow;
        }
      }
    }
    const countIndexed = (): number =>
      tables.filter((table) => load.tables[table.dump.name]?.status === 'indexed').length;
    const report = (): void =>
      progress.update({
        doneBytes,
        totalBytes,
        rows,
        doneTables: countIndexed(),
        totalTables: tables.length,
      });
    report();
    // Between chunk completions the rate and ETA still move on a terminal.
    const ticker = setInterval(report, 1000);
    ticker.unref();

    const limit = pLimit(context.threads);
    let indexSeconds = 0;
    const finishTable = async (table: PreparedTable): Promise<void> => {
      const state = load.tables[table.dump.name]!;
      if (state.status !== 'loaded') {
        state.status = 'loaded';
        await store.save();
      }
      const indexStartedAt = Date.now();
      await addDeferredKeys(context, table);
      indexSeconds += (Date.now() - indexStartedAt) / 1000;
      state.status = 'indexed';
      await store.save();
      report();
    };
    const loadChunk = async (table: PreparedTable, chunk: DumpChunk): Promise<void> => {
      const primaryKey = firstPrimaryKeyColumn(table.schema.createSql);
      await loadOneChunk(context, chunk, { keepExistingBy: resumed ? primaryKey : null }, primaryKey);
      const state = load.tables[table.dump.name]!;
      state.chunksDone.push(chunk.file);
      state.status = 'loading';
      doneBytes += chunk.bytes;
      rows += chunk.bytes / table.bytesPerRow;
      await store.save();
      report();
    };

    // Largest tables first, so the last threads do not wait on one big table; chunks in key order.
    const ordered = [...tables].sort((a, b) => b.dump.bytes - a.dump.bytes);
    try {
      await Promise.all(
        ordered.map(async (table) => {
          const state = load.tables[table.dump.name]!;
          if (state.status === 'indexed') return;
          const [first, ...rest] = table.dump.chunks.filter((chunk) => !isDone(table, chunk));
          // InnoDB locks a whole empty table for the first inserting transaction (its bulk-insert
          // path): a lone first chunk keeps the others from waiting into a lock timeout.
          if (first) await limit(() => loadChunk(table, first));
          await Promise.all(rest.map((chunk) => limit(() => loadChunk(table, chunk))));
          await limit(() => finishTable(table));
        }),
      );
    } finally {
      clearInterval(ticker);
      await rm(stagingRoot(context), { recursive: true, force: true });
    }

    if (!load.objectsDone) {
      await createObjects(session, files, context);
      load.objectsDone = true;
      await store.save();
    }
    await restoreGlobalLoadSettings(session, store);
    load.seconds = (load.seconds ?? 0) + (Date.now() - startedAt) / 1000;
    load.indexSeconds = (load.indexSeconds ?? 0) + indexSeconds;
    progress.log(
      `load: ${tables.length} tables, ${formatBytes(totalBytes)} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s ` +
        `(index builds ${indexSeconds.toFixed(1)} s of it)`,
    );
    await store.complete('load');
  } finally {
    await session.end().catch(() => undefined);
  }
}

async function prepareTable(files: DumpFiles, dump: DumpTable): Promise<PreparedTable> {
  const schema = rewriteTableSchema(await readFile(join(files.dir, dump.schemaFile), 'utf8'));
  return { dump, schema, bytesPerRow: await measureBytesPerRow(files.dir, dump.chunks[0]) };
}

/** Rows start on their own line with "(" in mydumper's INSERT format; 256 KB are enough to average. */
async function measureBytesPerRow(dir: string, chunk: DumpChunk | undefined): Promise<number> {
  if (!chunk) return 100;
  const handle = await open(join(dir, chunk.file), 'r');
  try {
    const buffer = Buffer.alloc(Math.min(chunk.bytes, 256 * 1024));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('latin1');
    const rows = text.split('\n(').length - 1;
    return rows > 0 ? bytesRead / rows : Math.max(1, bytesRead);
  } finally {
    await handle.close();
  }
}

function reportWarnings(context: RunContext, tables: readonly PreparedTable[]): void {
  for (const { dump, schema } of tables) {
    const messages = [
      schema.convertedFromEngine
        ? `${dump.name} is ${schema.convertedFromEngine} on the source and is created as InnoDB on the target`
        : '',
      schema.hasPrimaryKey
        ? ''
        : `${dump.name} has no primary key: it is loaded whole, validated by a whole-table checksum, and every ` +
          'replicated UPDATE or DELETE scans it on the target; add a primary key (e.g. an AUTO_INCREMENT id) on the source',
    ].filter(Boolean);
    for (const message of messages) {
      context.store.warn(message);
      context.progress.log(`warning: ${message}`);
    }
  }
}

/** A table not yet known to the run is (re)created; an unfinished table without a primary key is emptied. */
async function createOrReset(
  session: Connection,
  { dump, schema }: PreparedTable,
  states: Record<string, TableLoadState>,
): Promise<void> {
  const state = states[dump.name];
  const name = qualifiedName(dump.database, dump.table);
  if (!state) {
    await session.query(`USE ${quoteIdentifier(dump.database)}`);
    await session.query(`DROP TABLE IF EXISTS ${name}`);
    await session.query(schema.createSql);
    states[dump.name] = { status: dump.chunks.length === 0 ? 'loaded' : 'created', chunksDone: [] };
    return;
  }
  if (!schema.hasPrimaryKey && (state.status === 'created' || state.status === 'loading')) {
    await session.query(`TRUNCATE TABLE ${name}`);
    state.chunksDone = [];
    state.status = 'created';
  }
}

const stagingRoot = (context: RunContext): string => join(context.dumpDir, '.staging');

/** myloader reads a whole folder: each chunk gets a folder with links to it and to `metadata`. */
async function loadOneChunk(
  context: RunContext,
  chunk: DumpChunk,
  strict: StrictChunkOptions,
  primaryKey: string | null,
): Promise<void> {
  const staging = join(stagingRoot(context), chunk.file);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await symlink(join(context.dumpDir, 'metadata'), join(staging, 'metadata'));
  await writeStrictChunk(join(context.dumpDir, chunk.file), join(staging, chunk.file), strict);
  const load = context.store.state.load!;
  const pids: number[] = [];
  try {
    // After a stall the chunk is loaded again from its start: rows the stalled myloader committed are kept
    // by the primary key. Without one, a partly loaded chunk cannot be told apart from source rows, so
    // the run stops and a rerun empties and reloads that table.
    let attempts = 0;
    await retryStalledTool(
      `the load of ${chunk.file} (myloader)`,
      context.supervision,
      (line) => context.progress.log(line),
      async () => {
        attempts += 1;
        if (attempts > 1) {
          if (!primaryKey) {
            throw userError(
              'MIGRATE_TOOL_STALLED',
              `myloader stalled on ${chunk.file} of a table without a primary key, whose partly loaded rows cannot be told apart.`,
              'Run the same `wareview migrate run` again: it empties that table and reloads it; finished tables are kept.',
            );
          }
          await writeStrictChunk(join(context.dumpDir, chunk.file), join(staging, chunk.file), {
            keepExistingBy: primaryKey,
          });
        }
        return runMyloader(
          {
            target: context.target,
            directory: staging,
            threads: 1,
            enableBinlog: usesRdsProcedures(context.targetKind),
          },
          {
            env: context.env,
            onSpawn: (childPid) => {
              pids.push(childPid);
              load.childPids.push(childPid);
              void context.store.save();
            },
            stall: { stallMs: context.supervision.stallMs },
          },
        );
      },
    );
  } finally {
    load.childPids = load.childPids.filter((childPid) => !pids.includes(childPid));
    await rm(staging, { recursive: true, force: true });
  }
}

/** One ALTER TABLE per table with the keys and foreign keys still missing (a killed run may have added some). */
async function addDeferredKeys(context: RunContext, { dump, schema }: PreparedTable): Promise<void> {
  if (schema.deferredClauses.length === 0) return;
  const connection = await openScriptConnection(context.target, 'target');
  const load = context.store.state.load!;
  const id = await connectionId(connection);
  try {
    load.connectionIds.push(id);
    await context.store.save();
    await applySessionLoadSettings(connection, context.targetKind);
    const existing = await existingKeyNames(connection, dump.database, dump.table);
    const missing = schema.deferredClauses.filter((clause) => !existing.has(deferredKeyId(clause)));
    if (missing.length > 0) {
      await connection.query(`ALTER TABLE ${qualifiedName(dump.database, dump.table)} ${missing.join(', ')}`);
    }
  } finally {
    load.connectionIds = load.connectionIds.filter((entry) => entry !== id);
    await connection.end().catch(() => undefined);
  }
}

const deferredKeyId = (clause: string): string =>
  `${/FOREIGN KEY/i.test(clause) ? 'fk' : 'key'}:${deferredClauseName(clause) ?? clause}`;

async function existingKeyNames(
  connection: Connection,
  database: string,
  table: string,
): Promise<Set<string>> {
  const keys = await queryRows<{ name: string }>(
    connection,
    'SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
    [database, table],
  );
  const foreignKeys = await queryRows<{ name: string }>(
    connection,
    'SELECT CONSTRAINT_NAME AS name FROM information_schema.REFERENTIAL_CONSTRAINTS ' +
      'WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?',
    [database, table],
  );
  return new Set([...keys.map((row) => `key:${row.name}`), ...foreignKeys.map((row) => `fk:${row.name}`)]);
}

/**
 * Views, triggers, routines and events, after the data so that triggers do not fire on loaded
 * rows. Each file drops what it creates first (mydumper writes DROP … IF EXISTS for views and
 * routines; triggers are dropped here), so a crashed run can repeat this part.
 */
async function createObjects(session: Connection, files: DumpFiles, context: RunContext): Promise<void> {
  const run = async (database: string, file: string): Promise<void> => {
    await session.query(`USE ${quoteIdentifier(database)}`);
    await session.query(await readFile(join(files.dir, file), 'utf8'));
  };
  for (const view of files.views) await run(view.name.split('.')[0]!, view.file);
  for (const table of files.tables) {
    if (!table.triggersFile) continue;
    const triggers = await queryRows<{ name: string }>(
      session,
      'SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?',
      [table.database, table.table],
    );
    for (const trigger of triggers) {
      await session.query(`DROP TRIGGER IF EXISTS ${qualifiedName(table.database, trigger.name)}`);
    }
    await run(table.database, table.triggersFile);
  }
  for (const database of files.databases) {
    if (!database.postFile) continue;
    await run(database.name, database.postFile);
    // An event copied as enabled would run on the target too and change data the replica also receives.
    const events = await queryRows<{ name: string }>(
      session,
      "SELECT EVENT_NAME AS name FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND STATUS = 'ENABLED'",
      [database.name],
    );
    for (const event of events) {
      await session.query(`ALTER EVENT ${qualifiedName(database.name, event.name)} DISABLE ON SLAVE`);
      context.store.warn(`event ${database.name}.${event.name} is disabled on the target until cutover`);
    }
  }
}

/**
 * A killed run leaves its myloader children and index builds running; they would race the retry.
 * Only processes that are still myloader are signalled (a pid may have been reused).
 */
async function stopLeftovers(
  session: Connection,
  pids: readonly number[],
  connectionIds: readonly number[],
): Promise<void> {
  for (const pid of pids) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.includes('myloader')) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  for (const id of connectionIds) await tryQuery(session, 'KILL ?', [id]).catch(() => undefined);
  // Their open transactions roll back when the server notices; wait so TRUNCATE and INSERT start clean.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const busy = await queryRows<{ n: number }>(
      session,
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND COMMAND IN ('Query', 'Killed') " +
        "AND USER <> 'system user' AND (INFO LIKE 'INSERT%' OR INFO LIKE 'ALTER%')",
    );
    if (Number(busy[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
