import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigration } from '../../src/migrate/run/run.ts';
import { readRunState, statePathFor } from '../../src/migrate/run/state.ts';
import { validateMigration } from '../../src/migrate/validate/validate.ts';
import { createDataset, startWriteLoad, type WriteLoad } from './helpers/dataset.ts';
import { startMariadbServers, type MariadbServer } from './helpers/mariadb-server.ts';
import { runCli } from './run-cli.ts';
import { TEST_SUPERVISION } from './run-plan-fixture.ts';

/** The whole path plan → run → validate on two real MariaDB servers, with writes on the source during the run. */
let source: MariadbServer;
let target: MariadbServer;
let dir: string;
let planPath: string;
let writer: Connection;
let writes: WriteLoad;
const silent = {
  phase: () => undefined,
  update: () => undefined,
  log: () => undefined,
  stop: () => undefined,
};

async function rows<T = RowDataPacket>(server: MariadbServer, sql: string): Promise<T[]> {
  const connection = await server.connect();
  try {
    const [result] = await connection.query<RowDataPacket[]>(sql);
    return result as T[];
  } finally {
    await connection.end();
  }
}

beforeAll(async () => {
  [source, target] = (await startMariadbServers([{ serverId: 11 }, { serverId: 12 }])) as [
    MariadbServer,
    MariadbServer,
  ];
  dir = await mkdtemp(join(tmpdir(), 'wareview-run-'));
  planPath = join(dir, 'plan.json');
  const setup = await source.connect();
  await createDataset(setup, { customers: 500, visits: 4000, noPrimaryKeyRows: 800 });
  await setup.end();
  const plan = await runCli([
    'migrate',
    'plan',
    '--source',
    source.url(['shop']),
    '--target',
    target.url(),
    '--target-kind',
    'mysql',
    '--threads',
    '2',
    '--chunk-rows',
    '700',
    '--sample-rows',
    '500',
    '--observe',
    '0',
    '--out',
    planPath,
  ]);
  expect(plan.code, plan.stderr).toBe(0);
  writer = await source.connect();
  writes = startWriteLoad(writer, { perSecond: 80, customers: 500 });
});

afterAll(async () => {
  await writes?.stop();
  await writer?.end();
  await Promise.all([source?.stop(), target?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migrate assess, plan, run, then validate, with writes on the source', () => {
  it('assess names the MyISAM and the key-less table', async () => {
    const { stdout } = await runCli([
      'migrate',
      'assess',
      '--source',
      source.url(['shop']),
      '--target-kind',
      'mysql',
    ]);
    expect(stdout).toMatch(/legacy_counters/);
    expect(stdout).toMatch(/audit_log/);
  });

  it('dumps, loads, replicates and catches up', async () => {
    const outcome = await runMigration({
      planPath,
      progress: silent,
      pollMs: 100,
      supervision: TEST_SUPERVISION,
    });
    expect(outcome.completed).toEqual(['dump', 'load', 'replicate', 'caught-up']);
    const state = await readRunState(statePathFor(planPath), planPath);
    expect(state.dump?.coordinates.file).toMatch(/^binlog\.\d+$/);
    expect(Object.values(state.load?.tables ?? {}).every((table) => table.status === 'indexed')).toBe(true);
    expect(state.load?.savedSettings).toBeUndefined();
    expect((await readdir(state.dump!.dir)).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(outcome.warnings.join('\n')).toMatch(/shop\.audit_log has no primary key/);
    expect(outcome.warnings.join('\n')).toMatch(/shop\.legacy_counters is MyISAM/);
  });

  it.each([
    [
      'the MyISAM table became InnoDB',
      "SELECT ENGINE AS v FROM information_schema.TABLES WHERE TABLE_SCHEMA='shop' AND TABLE_NAME='legacy_counters'",
      'InnoDB',
    ],
    [
      'the secondary index was built after the data',
      "SELECT COUNT(*) AS v FROM information_schema.STATISTICS WHERE TABLE_SCHEMA='shop' AND INDEX_NAME='ix_visits_customer_time'",
      2,
    ],
    [
      'the unique key is back',
      "SELECT NON_UNIQUE AS v FROM information_schema.STATISTICS WHERE TABLE_SCHEMA='shop' AND INDEX_NAME='uk_customers_email'",
      0,
    ],
    [
      'the foreign keys are back',
      "SELECT COUNT(*) AS v FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA='shop'",
      2,
    ],
    [
      'the trigger exists',
      "SELECT COUNT(*) AS v FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA='shop'",
      1,
    ],
    ['the view exists', "SELECT COUNT(*) AS v FROM information_schema.VIEWS WHERE TABLE_SCHEMA='shop'", 1],
    [
      'the procedure exists',
      "SELECT COUNT(*) AS v FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA='shop'",
      1,
    ],
    ['the target binlog setting was restored', 'SELECT @@GLOBAL.innodb_flush_log_at_trx_commit AS v', 1],
    [
      'the replica runs',
      "SELECT COUNT(*) AS v FROM information_schema.PROCESSLIST WHERE USER='system user'",
      2,
    ],
  ])('%s', async (_name, sql, expected) => {
    const [row] = await rows<{ v: unknown }>(target, sql);
    expect(Number.isNaN(Number(row?.v)) ? row?.v : Number(row?.v)).toEqual(expected);
  });

  it('validates equal while the writes continue', async () => {
    const result = await validateMigration({ planPath, chunkRows: 500 });
    expect(result.tables.map((table) => table.differences)).toEqual(result.tables.map(() => []));
    expect(result.equal).toBe(true);
    expect(result.rows).toBeGreaterThan(4000);
  });

  it('validates equal through the CLI after the writes stop, exit 0', async () => {
    const counts = await writes.stop();
    expect(counts.errors).toEqual([]);
    expect(counts.inserts + counts.updates + counts.deletes).toBeGreaterThan(20);
    const { code, stdout } = await runCli(['migrate', 'validate', '--plan', planPath]);
    expect(stdout).toMatch(/^equal: 6 tables/m);
    expect(code).toBe(0);
  });

  it('status --live shows every step done and the replica applied up to the source', async () => {
    const { code, stdout } = await runCli(['migrate', 'status', '--plan', planPath, '--live', '--json']);
    expect(code).toBe(0);
    const status = JSON.parse(stdout);
    expect(status.steps.every((step: { done: boolean }) => step.done)).toBe(true);
    expect(status.next).toBeNull();
    expect(status.load).toMatchObject({ tablesLoaded: 6, tablesIndexed: 6 });
    expect(status.replication.live).toMatchObject({ ioRunning: true, sqlRunning: true, lagBytes: 0 });
  });
});
