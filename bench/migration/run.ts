/**
 * Migration benchmark: one getback-like data set (a `visits` table of --rows rows with a secondary
 * index and a ~200-byte JSON payload, plus smaller tables with foreign keys, a MyISAM table and a
 * table without a primary key) on a throwaway source server, copied into a throwaway target by:
 *
 *   1. `wareview migrate run --until load` (dump + load, keys after the data, load settings)
 *   2. mydumper + myloader by hand, same threads and chunk size
 *   3. mysqldump --single-transaction | mysql
 *   4. SELECT … INTO OUTFILE + LOAD DATA INFILE, one table after the other
 *
 * then `wareview migrate validate` over the copy from (1). Prints a Markdown table for
 * bench/README.md and writes the figures to bench/migration/results.json.
 *
 *   npx tsx bench/migration/run.ts                 # the full run: 10 M visits, ~40 minutes
 *   npx tsx bench/migration/run.ts --rows 200000   # a quick dry run
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { runMigration } from '../../src/migrate/run/run.ts';
import { readRunState, statePathFor } from '../../src/migrate/run/state.ts';
import { validateMigration } from '../../src/migrate/validate/validate.ts';
import { createDataset } from '../../test/migrate/helpers/dataset.ts';
import { startMariadbServers, type MariadbServer } from '../../test/migrate/helpers/mariadb-server.ts';
import { writeLocalPlan } from '../../test/migrate/run-plan-fixture.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    threads: { type: 'string', default: '4' },
    'chunk-rows': { type: 'string', default: '500000' },
    'buffer-pool': { type: 'string', default: '3G' },
    skip: { type: 'string', default: '' },
  },
});
const visits = Number(args.rows);
const threads = Number(args.threads);
const chunkRows = Number(args['chunk-rows']);
const skipped = new Set(args.skip.split(',').filter(Boolean));
const DATABASE = 'shop';

interface Measurement {
  method: string;
  seconds: number;
  parts: Record<string, number>;
}

const log = (line: string): void => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const startedAt = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - startedAt) / 1e9, value };
}

function sh(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} → ${code}: ${stderr}`)),
    );
  });
}

async function query<T = RowDataPacket>(connection: Connection, sql: string): Promise<T[]> {
  const [rows] = await connection.query<RowDataPacket[]>(sql);
  return rows as T[];
}

async function resetTarget(target: MariadbServer): Promise<void> {
  const connection = await target.connect();
  try {
    await connection.query('STOP SLAVE').catch(() => undefined);
    await connection.query('RESET SLAVE ALL').catch(() => undefined);
    await connection.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
    await connection.query('RESET MASTER');
  } finally {
    await connection.end();
  }
}

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'wareview-bench-migration-'));
  await mkdir(join(work, 'files'), { mode: 0o777 });
  const serverOptions = {
    bufferPoolSize: args['buffer-pool'],
    // Concurrent loaders of one empty table wait for the first one's table lock (InnoDB's bulk-insert
    // path); on a busy machine a 500k-row chunk outlasts the default 50 s wait.
    extraArgs: [
      '--innodb-log-file-size=1G',
      `--secure-file-priv=${join(work, 'files')}`,
      '--max-allowed-packet=256M',
      '--innodb-lock-wait-timeout=3600',
    ],
  };
  log(`starting servers (buffer pool ${args['buffer-pool']} each) in ${work}`);
  const [source, target] = (await startMariadbServers([
    { ...serverOptions, serverId: 1 },
    { ...serverOptions, serverId: 2 },
  ])) as [MariadbServer, MariadbServer];
  const results: Measurement[] = [];
  try {
    const setup = await source.connect();
    log(`creating the data set: ${visits} visits`);
    const created = await timed(() =>
      createDataset(setup, {
        visits,
        customers: Math.max(1000, Math.round(visits / 100)),
        noPrimaryKeyRows: Math.max(1000, Math.round(visits / 50)),
        myisamRows: 10_000,
      }),
    );
    const sizes = await query<{ row_estimate: string; bytes: string }>(
      setup,
      `SELECT SUM(TABLE_ROWS) AS row_estimate, SUM(DATA_LENGTH + INDEX_LENGTH) AS bytes FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${DATABASE}'`,
    );
    await setup.end();
    const totalRows = Object.values(created.value.rows).reduce((sum, count) => sum + count, 0);
    const totalBytes = Number(sizes[0]?.bytes ?? 0);
    log(
      `data set: ${totalRows} rows, ${(totalBytes / 2 ** 30).toFixed(2)} GiB on disk, made in ${created.seconds.toFixed(0)} s`,
    );

    const portArgs = (server: MariadbServer): string => `-h 127.0.0.1 -P ${server.port} -u root`;

    if (!skipped.has('wareview')) {
      const planPath = join(work, 'plan.json');
      await writeLocalPlan(planPath, {
        sourceUrl: source.url([DATABASE]),
        targetUrl: target.url(),
        databases: [DATABASE],
        threads,
        chunkRows,
      });
      log('wareview migrate run --until load');
      const run = await timed(() => runMigration({ planPath, until: 'load', pollMs: 500 }));
      const state = await readRunState(statePathFor(planPath), planPath);
      results.push({
        method: `wareview migrate run (dump + load), ${threads} threads`,
        seconds: run.seconds,
        parts: {
          dump: state.dump?.seconds ?? 0,
          load: (state.load?.seconds ?? 0) - (state.load?.indexSeconds ?? 0),
          'index builds': state.load?.indexSeconds ?? 0,
        },
      });
      log(`wareview: ${run.seconds.toFixed(1)} s`);
      log('wareview migrate validate');
      const validation = await timed(() => validateMigration({ planPath, threads }));
      if (!validation.value.equal) throw new Error('validate found differences after the wareview load');
      results.push({
        method: `wareview migrate validate, ${threads} threads`,
        seconds: validation.seconds,
        parts: {},
      });
      await rm(join(work, 'plan.dump'), { recursive: true, force: true });
      await resetTarget(target);
    }

    if (!skipped.has('mydumper')) {
      const dump = join(work, 'hand-dump');
      log('mydumper + myloader by hand');
      const dumped = await timed(() =>
        sh(`mydumper ${portArgs(source)} -B ${DATABASE} -o ${dump} -t ${threads} -r ${chunkRows} -G -R -E`),
      );
      const dumpBytes = await directoryBytes(dump);
      const loaded = await timed(() => sh(`myloader ${portArgs(target)} -d ${dump} -t ${threads} -o`));
      results.push({
        method: `mydumper + myloader by hand, ${threads} threads`,
        seconds: dumped.seconds + loaded.seconds,
        parts: { dump: dumped.seconds, load: loaded.seconds, 'dump MB': dumpBytes / 1e6 },
      });
      log(`hand: ${(dumped.seconds + loaded.seconds).toFixed(1)} s`);
      await rm(dump, { recursive: true, force: true });
      await resetTarget(target);
    }

    if (!skipped.has('mysqldump')) {
      log('mysqldump | mysql');
      const piped = await timed(() =>
        sh(
          `mysqldump ${portArgs(source)} --single-transaction --routines --triggers --events --databases ${DATABASE} | ` +
            `mariadb ${portArgs(target)}`,
        ),
      );
      results.push({ method: 'mysqldump --single-transaction \\| mysql', seconds: piped.seconds, parts: {} });
      log(`mysqldump: ${piped.seconds.toFixed(1)} s`);
      await resetTarget(target);
    }

    if (!skipped.has('outfile')) {
      log('SELECT … INTO OUTFILE + LOAD DATA INFILE');
      const parts: Record<string, number> = { 'select into outfile': 0, 'load data': 0 };
      const total = await timed(async () => {
        const from = await source.connect();
        const to = await target.connect();
        try {
          await to.query(`CREATE DATABASE \`${DATABASE}\``);
          await to.query('SET SESSION foreign_key_checks = 0');
          const tables = await query<{ name: string }>(
            from,
            `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${DATABASE}' AND TABLE_TYPE = 'BASE TABLE'`,
          );
          for (const { name } of tables) {
            const file = join(work, 'files', `${name}.txt`);
            const [create] = await query<Record<string, string>>(
              from,
              `SHOW CREATE TABLE \`${DATABASE}\`.\`${name}\``,
            );
            await to.query(`USE \`${DATABASE}\``);
            await to.query(create!['Create Table']!);
            const out = await timed(() =>
              from.query(`SELECT * FROM \`${DATABASE}\`.\`${name}\` INTO OUTFILE '${file}'`),
            );
            const load = await timed(() =>
              to.query(`LOAD DATA INFILE '${file}' INTO TABLE \`${DATABASE}\`.\`${name}\``),
            );
            parts['select into outfile']! += out.seconds;
            parts['load data']! += load.seconds;
            await rm(file, { force: true });
          }
        } finally {
          await from.end();
          await to.end();
        }
      });
      results.push({
        method: 'SELECT … INTO OUTFILE + LOAD DATA INFILE, one stream',
        seconds: total.seconds,
        parts,
      });
      log(`outfile: ${total.seconds.toFixed(1)} s`);
      await resetTarget(target);
    }

    const markdown = [
      `Data set: ${totalRows.toLocaleString('en')} rows (${visits.toLocaleString('en')} visits), ` +
        `${(totalBytes / 2 ** 30).toFixed(2)} GiB in InnoDB on the source; threads ${threads}, chunks of ${chunkRows.toLocaleString('en')} rows.`,
      '',
      '| method | wall | rows/s | MB/s | where the time goes |',
      '|---|---:|---:|---:|---|',
      ...results.map((result) => {
        const parts = Object.entries(result.parts)
          .map(
            ([name, value]) => `${name} ${name.endsWith('MB') ? value.toFixed(0) : `${value.toFixed(1)} s`}`,
          )
          .join(', ');
        return (
          `| ${result.method} | ${result.seconds.toFixed(1)} s | ${Math.round(totalRows / result.seconds).toLocaleString('en')} | ` +
          `${(totalBytes / 1e6 / result.seconds).toFixed(1)} | ${parts} |`
        );
      }),
    ].join('\n');
    console.log(markdown);
    await writeFile(
      join(import.meta.dirname, 'results.json'),
      JSON.stringify(
        { at: new Date().toISOString(), visits, threads, chunkRows, totalRows, totalBytes, results },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await Promise.all([source.stop(), target.stop()]);
    await rm(work, { recursive: true, force: true });
  }
}

await main();
