import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { probeSchemasLeft } from '../../src/migrate/plan/probe.ts';
import { type MigrationPlan, readPlan } from '../../src/migrate/plan-schema.ts';
import { resolveServerUrl } from '../../src/migrate/source-url.ts';
import { type CliResult, runCli } from './helpers/cli.ts';
import { createDataset, MYISAM_TABLE, NO_PRIMARY_KEY_TABLE, startWriteLoad } from './helpers/dataset.ts';
import { type MariadbServer, startMariadbServers } from './helpers/mariadb-server.ts';

const PASSWORD = 'Plan-S3cret!pw';
let source: MariadbServer;
let target: MariadbServer;
let outDir: string;

/** URLs for an account with a password, so the test can prove the password is never written. */
const sourceUrl = () => `mysql://planner:${encodeURIComponent(PASSWORD)}@127.0.0.1:${source.port}/shop`;
const targetUrl = () => `mysql://planner@127.0.0.1:${target.port}/`;

async function schemata(server: MariadbServer): Promise<string[]> {
  const connection = await server.connect();
  const [rows] = await connection.query(
    'SELECT schema_name AS name FROM information_schema.schemata ORDER BY 1',
  );
  await connection.end();
  return (rows as { name: string }[]).map((row) => row.name);
}

const plan = (out: string, ...extra: string[]) =>
  runCli(
    [
      'migrate',
      'plan',
      '--source',
      sourceUrl(),
      '--target',
      targetUrl(),
      '--target-kind',
      'mysql',
      '--sample-rows',
      '1500',
      '--observe',
      '2',
      '--out',
      out,
      ...extra,
    ],
    { WAREVIEW_TARGET_PASSWORD: PASSWORD },
  );

beforeAll(async () => {
  const servers = await startMariadbServers([{ serverId: 21 }, { serverId: 22 }]);
  [source, target] = [servers[0]!, servers[1]!];
  for (const server of servers) {
    const connection = await server.connect();
    await connection.query(`CREATE USER 'planner'@'%' IDENTIFIED BY '${PASSWORD}';
      GRANT ALL ON *.* TO 'planner'@'%' WITH GRANT OPTION;`);
    if (server === source) {
      await createDataset(connection, { customers: 300, visits: 3000, noPrimaryKeyRows: 500 });
      // A generated column in the largest (sampled) table: the probe must leave it to the server.
      await connection.query(
        'ALTER TABLE shop.visits ADD COLUMN url_length INT AS (CHAR_LENGTH(url)) VIRTUAL',
      );
    }
    await connection.end();
  }
  outDir = await mkdtemp(join(tmpdir(), 'wareview-plan-'));
});

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('migrate plan between two servers', () => {
  let result: CliResult;
  let written: MigrationPlan;
  let targetBefore: string[];
  const out = () => join(outDir, 'ok', 'plan.json');

  beforeAll(async () => {
    targetBefore = await schemata(target);
    const writer = await source.connect();
    const writes = startWriteLoad(writer, { perSecond: 100, customers: 300 });
    try {
      result = await plan(out());
    } finally {
      await writes.stop();
      await writer.end();
    }
    written = await readPlan(out());
  });

  it('exits 0 and writes a plan that the schema accepts, with its runbook beside it', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(join(outDir, 'ok'))).sort()).toEqual([
      'plan.json',
      'plan.runbook.html',
      'plan.runbook.md',
    ]);
    expect(result.stdout).toContain('Migration plan');
    expect(result.stdout).toContain(`Wrote ${out()}`);
  });

  it('leaves no scratch schema and nothing else behind on the target', async () => {
    expect(await probeSchemasLeft(await resolveServerUrl(target.url(), 'target', { env: {} }))).toEqual([]);
    expect(await schemata(target)).toEqual(targetBefore);
  });

  it('measured real rates and the live writes on the source', () => {
    expect(written.measurements.sampledTables).toContain('shop.visits');
    expect(written.measurements.sampleRows).toBeGreaterThan(1500);
    expect(written.measurements.loadRowsPerSecond).toBeGreaterThan(1);
    expect(written.measurements.sourceBinlogBytesPerSecond).toBeGreaterThan(0);
    expect(written.estimates.loadSeconds).toBeGreaterThan(0);
    expect(written.estimates.catchUpSeconds).toBeGreaterThan(0);
  });

  it('carries the MyISAM and key-less tables as warnings with their conversion, and no blockers', () => {
    expect(written.blockers).toEqual([]);
    const ids = written.warnings.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['non-innodb-table', 'no-primary-key', 'definer-missing']));
    const tables = Object.fromEntries(written.tables.map((table) => [table.name, table]));
    expect(tables[MYISAM_TABLE]).toMatchObject({ engine: 'MyISAM', conversion: 'engine-to-innodb' });
    expect(tables[NO_PRIMARY_KEY_TABLE]).toMatchObject({
      primaryKey: [],
      chunkColumn: null,
      notes: ['no-primary-key'],
    });
    expect(tables.visits).toMatchObject({ conversion: 'none', chunkColumn: 'id' });
  });

  it('records servers, retention, recommendations, load settings and the run steps', () => {
    expect(written.source).toMatchObject({
      dialect: 'mariadb',
      serverId: 21,
      binlog: { enabled: true, format: 'ROW' },
    });
    expect(written.target).toMatchObject({ dialect: 'mariadb', serverId: 22, kind: 'mysql' });
    expect(written.databases).toEqual(['shop']);
    expect(written.retention).toMatchObject({ seconds: null, sufficient: true, fixStatements: [] });
    expect(written.threads).toBe(written.recommendations.threads);
    expect([1, 2, 4]).toContain(written.threads);
    expect(written.targetSettings.map((setting) => setting.name)).toEqual(
      expect.arrayContaining([
        'foreign_key_checks',
        'unique_checks',
        'innodb_flush_log_at_trx_commit',
        'sql_log_bin',
      ]),
    );
    expect(written.steps.map((step) => step.id)).toEqual([
      'prepare-source',
      'prepare-target',
      'dump',
      'load',
      'replicate',
      'caught-up',
      'validate',
      'restore-target',
    ]);
  });

  it('never writes a password, only redacted URLs', async () => {
    expect(written.source.url).toBe(`mysql://planner:****@127.0.0.1:${source.port}/shop`);
    expect(written.target.url).toBe(`mysql://planner:****@127.0.0.1:${target.port}/`);
    for (const file of await readdir(join(outDir, 'ok'))) {
      const text = await readFile(join(outDir, 'ok', file), 'utf8');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(encodeURIComponent(PASSWORD));
    }
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it('the runbook names every step with its commands', async () => {
    const markdown = await readFile(join(outDir, 'ok', 'plan.runbook.md'), 'utf8');
    const html = await readFile(join(outDir, 'ok', 'plan.runbook.html'), 'utf8');
    for (const text of [markdown, html]) {
      expect(text).toContain('Migration runbook');
      expect(text).toContain('--until dump');
      expect(text).toContain('CHANGE MASTER TO MASTER_HOST');
    }
    expect(html).toContain('&lt;binlog file from the dump&gt;');
  });
});

describe('migrate plan refuses', () => {
  it('a plan whose estimate exceeds the binlog retention, saying which retention to set', async () => {
    const admin = await source.connect();
    await admin.query('SET GLOBAL binlog_expire_logs_seconds = 120');
    try {
      const out = join(outDir, 'short', 'plan.json');
      const result = await plan(out);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('[binlog-retention-too-short]');
      expect(result.stderr).toContain('binlog_expire_logs_seconds = 120');
      const required = /need (\d+) min/.exec(result.stderr) ?? /need ([\d.]+) h/.exec(result.stderr);
      expect(required, result.stderr).not.toBeNull();
      const fix = /SET GLOBAL binlog_expire_logs_seconds = (\d+);/.exec(result.stderr);
      expect(fix, result.stderr).not.toBeNull();
      expect(Number(fix![1])).toBeGreaterThanOrEqual(3600);
      expect(Number(fix![1]) % 3600).toBe(0);
      await expect(readdir(join(outDir, 'short'))).rejects.toThrow();
      expect(await probeSchemasLeft(await resolveServerUrl(target.url(), 'target', { env: {} }))).toEqual([]);
    } finally {
      await admin.query('SET GLOBAL binlog_expire_logs_seconds = 0');
      await admin.end();
    }
  });

  it.each([
    [
      'a target that already holds tables of the migrated databases',
      'not-empty',
      'CREATE DATABASE shop; CREATE TABLE shop.customers (id INT PRIMARY KEY)',
      'DROP DATABASE shop',
      ['[target-not-empty]', 'shop.customers'],
    ],
    [
      'source and target with the same server_id',
      'same-id',
      'SET GLOBAL server_id = 21',
      'SET GLOBAL server_id = 22',
      ['[same-server-id]'],
    ],
  ])('%s, before measuring anything', async (_name, folder, setup, teardown, messages) => {
    const admin = await target.connect();
    await admin.query(setup);
    try {
      const result = await plan(join(outDir, folder, 'plan.json'));
      expect(result.code).toBe(2);
      for (const message of messages) expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('Measuring throughput');
    } finally {
      await admin.query(teardown);
      await admin.end();
    }
  });

  it('--target-kind aurora against a target that is not Aurora, naming what it is', async () => {
    const out = join(outDir, 'not-aurora', 'plan.json');
    const result = await runCli(
      [
        'migrate',
        'plan',
        '--source',
        sourceUrl(),
        '--target',
        targetUrl(),
        '--target-kind',
        'aurora',
        '--out',
        out,
      ],
      { WAREVIEW_TARGET_PASSWORD: PASSWORD },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[target-kind-mismatch]');
    expect(result.stderr).toMatch(/the target is MariaDB 10\.\d+\.\d+, not Aurora MySQL/);
    expect(result.stderr).toContain('--target-kind mysql');
    expect(result.stderr).not.toContain('Measuring throughput');
    await expect(readdir(join(outDir, 'not-aurora'))).rejects.toThrow();
  });

  it('nothing, and leaves the target clean, when interrupted with Ctrl-C during the probe', async () => {
    const out = join(outDir, 'interrupted', 'plan.json');
    const child = spawn(
      process.execPath,
      [
        'bin/wareview.js',
        'migrate',
        'plan',
        '--source',
        sourceUrl(),
        '--target',
        targetUrl(),
        '--target-kind',
        'mysql',
        '--sample-rows',
        '500',
        '--observe',
        '120',
        '--out',
        out,
      ],
      { env: { ...process.env, WAREVIEW_TARGET_PASSWORD: PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const watching = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("watching the source's binary log")) resolve();
      }),
    );
    const exited = once(child, 'exit');
    // Whatever happens, the child does not outlive the test.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await Promise.race([watching, exited]);
    expect(stderr).toContain('watching');
    const target = await resolveServerUrl(targetUrl(), 'target', {
      env: { WAREVIEW_TARGET_PASSWORD: PASSWORD },
    });
    expect(await probeSchemasLeft(target)).toHaveLength(1);
    child.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(130);
    expect(await probeSchemasLeft(target)).toEqual([]);
    await expect(readdir(join(outDir, 'interrupted'))).rejects.toThrow();
  });
});
