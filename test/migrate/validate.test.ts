import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigration } from '../../src/migrate/run/run.ts';
import { statePathFor } from '../../src/migrate/run/state.ts';
import { createDataset } from './helpers/dataset.ts';
import { startMariadbServers, type MariadbServer } from './helpers/mariadb-server.ts';
import { runCli } from './run-cli.ts';
import { writeLocalPlan, TEST_SUPERVISION } from './run-plan-fixture.ts';

/** Rows changed on the target by hand are reported with the key range that holds them, exit code 1. */
let source: MariadbServer;
let target: MariadbServer;
let dir: string;
let planPath: string;
let validation: { code: number | null; stdout: string; stderr: string };
let sourceStatements: string[];
const PASSWORD = 'pa ss"w0rd';
const env = { ...process.env, WAREVIEW_SOURCE_PASSWORD: PASSWORD, WAREVIEW_TARGET_PASSWORD: PASSWORD };
const silent = {
  phase: () => undefined,
  update: () => undefined,
  log: () => undefined,
  stop: () => undefined,
};

const HAND_CHANGES = [
  "UPDATE shop.visits SET url = 'https://changed.example.com/' WHERE id = 1234",
  'DELETE FROM shop.order_items WHERE order_id = 777 AND line_no = 2',
  "INSERT INTO shop.customers (id, email, name, country, created_at) VALUES (900000, 'extra@example.com', 'Extra', 'DE', NOW())",
  "UPDATE shop.audit_log SET note = 'changed' WHERE note = 'row 17'",
];

beforeAll(async () => {
  [source, target] = (await startMariadbServers([{ serverId: 31 }, { serverId: 32 }])) as [
    MariadbServer,
    MariadbServer,
  ];
  dir = await mkdtemp(join(tmpdir(), 'wareview-validate-'));
  planPath = join(dir, 'plan.json');
  const setup = await source.connect();
  await createDataset(setup, { customers: 400, visits: 3000, noPrimaryKeyRows: 300 });
  await setup.end();
  // An account with a password, given only through the environment: it reaches mydumper, myloader
  // and the replication channel, and appears nowhere in the plan or the state.
  for (const server of [source, target]) {
    const admin = await server.connect();
    await admin.query(
      `SET sql_log_bin = 0; CREATE USER 'mover'@'%' IDENTIFIED BY '${PASSWORD}'; GRANT ALL ON *.* TO 'mover'@'%'`,
    );
    await admin.end();
  }
  const asMover = (url: string): string => url.replace('mysql://root@', 'mysql://mover@');
  await writeLocalPlan(planPath, {
    sourceUrl: asMover(source.url(['shop'])),
    targetUrl: asMover(target.url()),
    databases: ['shop'],
    chunkRows: 500,
  });
  await runMigration({ planPath, env, progress: silent, pollMs: 100, supervision: TEST_SUPERVISION });
  const state = await readFile(statePathFor(planPath), 'utf8');
  expect(state).not.toContain(PASSWORD);
  const before = await runCli(['migrate', 'validate', '--plan', planPath], env);
  expect(before.stdout).toMatch(/^equal: 6 tables/m);
  expect(before.code).toBe(0);
  const hand = await target.connect();
  for (const sql of HAND_CHANGES) await hand.query(sql);
  await hand.end();
  // Every statement the source receives during the validation is logged, to prove none of them locks.
  const logged = await source.connect();
  await logged.query(
    "SET GLOBAL log_output = 'TABLE'; TRUNCATE TABLE mysql.general_log; SET GLOBAL general_log = 1",
  );
  validation = await runCli(['migrate', 'validate', '--plan', planPath, '--chunk-rows', '300'], env);
  await logged.query('SET GLOBAL general_log = 0');
  const [rows] = await logged.query(
    "SELECT CONVERT(argument USING utf8mb4) AS statement FROM mysql.general_log WHERE command_type = 'Query'",
  );
  sourceStatements = (rows as { statement: string }[]).map((row) => row.statement);
  await logged.end();
});

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Parses "a <= key < b", "key >= a", "key < b" with numbers or tuples of numbers. */
function rangeHolds(range: string, key: number[]): boolean {
  const tuple = (text: string): number[] =>
    text
      .replace(/[()"]/g, '')
      .split(',')
      .map((part) => Number(part.trim()));
  const less = (a: number[], b: number[]): boolean => {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return false;
  };
  const between = range.match(/^(.+?) <= .+? < (.+)$/);
  if (between) return !less(key, tuple(between[1]!)) && less(key, tuple(between[2]!));
  const from = range.match(/ >= (.+)$/);
  if (from) return !less(key, tuple(from[1]!));
  const to = range.match(/ < (.+)$/);
  return to ? less(key, tuple(to[1]!)) : false;
}

describe('migrate validate reports rows changed on the target', () => {
  it('exits 1 and says differences were found', () => {
    expect(validation.stdout).toMatch(/^DIFFERENCES FOUND: 6 tables/m);
    expect(validation.code).toBe(1);
  });

  it.each([
    ['an updated row', 'shop.visits', [1234], /^(\d+ <= id < \d+|id >= \d+|id < \d+)$/],
    ['a deleted row of a two-column key', 'shop.order_items', [777, 2], /\(order_id, line_no\)/],
    ['an extra row past the source’s last key', 'shop.customers', [900000], /^id >= \d+$/],
  ])('%s in %s is reported with the key range holding it', (_name, table, key, shape) => {
    const lines = validation.stdout
      .split('\n')
      .filter((line) => line.startsWith(`DIFFERENT ${table} where `));
    expect(lines).toHaveLength(1);
    const range = lines[0]!.slice(`DIFFERENT ${table} where `.length).split(': source')[0]!;
    expect(range).toMatch(shape);
    expect(rangeHolds(range, key)).toBe(true);
  });

  it('rechecks the differing ranges without ever locking the source', () => {
    expect(validation.stdout).toMatch(/checked again in \d+ rounds? without locking the source/);
    expect(sourceStatements.filter((sql) => /CHECKSUM|BIT_XOR|COUNT\(/i.test(sql)).length).toBeGreaterThan(0);
    expect(sourceStatements.filter((sql) => /\b(LOCK\s+TABLES?|FLUSH\s+TABLES)\b/i.test(sql))).toEqual([]);
  });

  it('a changed row of the table without a primary key is reported for the whole table', () => {
    expect(validation.stdout).toMatch(
      /^DIFFERENT shop\.audit_log where whole table \(no primary key\): source 300 rows/m,
    );
  });

  it.each(['shop.legacy_counters', 'shop.orders'])('%s stays equal', (table) => {
    expect(validation.stdout).toMatch(new RegExp(`^${table.replace('.', '\\.')} .* equal$`, 'm'));
  });
});
