import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess, type Assessment } from '../../src/migrate/assess/assessment.ts';
import { resolveServerUrl } from '../../src/migrate/source-url.ts';
import { runCli } from './helpers/cli.ts';
import { createDataset, MYISAM_TABLE, NO_PRIMARY_KEY_TABLE } from './helpers/dataset.ts';
import { type MariadbServer, startMariadbServers } from './helpers/mariadb-server.ts';

let source: MariadbServer;
let target: MariadbServer;
let outDir: string;
let assessment: Assessment;

beforeAll(async () => {
  const servers = await startMariadbServers([{ serverId: 11 }, { serverId: 12, binlog: false }]);
  [source, target] = [servers[0]!, servers[1]!];
  const connection = await source.connect();
  await createDataset(connection, { customers: 200, visits: 2000, noPrimaryKeyRows: 300, zeroDates: true });
  // A second database that is ready to move: only InnoDB tables with primary keys.
  await connection
    .query(
      `CREATE DATABASE clean COLLATE utf8mb4_0900_ai_ci;
    CREATE TABLE clean.items (id INT PRIMARY KEY, label VARCHAR(20)) ENGINE=InnoDB;
    INSERT INTO clean.items VALUES (1, 'one'), (2, 'two');`,
    )
    .catch(async () => {
      // MariaDB has no utf8mb4_0900_ai_ci: fall back to its own default.
      await connection.query(`CREATE DATABASE IF NOT EXISTS clean;
      CREATE TABLE clean.items (id INT PRIMARY KEY, label VARCHAR(20)) ENGINE=InnoDB;
      INSERT INTO clean.items VALUES (1, 'one'), (2, 'two');`);
    });
  await connection.end();
  outDir = await mkdtemp(join(tmpdir(), 'wareview-assess-'));
  assessment = await assess({
    source: await resolveServerUrl(source.url(['shop']), 'source', { env: {} }),
    target: await resolveServerUrl(target.url(), 'target', { env: {} }),
    targetKind: 'aurora',
  });
});

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const byId = (findings: readonly { id: string; objects: string[] }[], id: string) =>
  findings.filter((finding) => finding.id === id).flatMap((finding) => finding.objects);

describe('assess on the data set', () => {
  it('names the MyISAM and the key-less tables as blockers', () => {
    expect(byId(assessment.blockers, 'non-innodb-table')).toEqual([`shop.${MYISAM_TABLE}`]);
    expect(byId(assessment.blockers, 'no-primary-key')).toEqual([`shop.${NO_PRIMARY_KEY_TABLE}`]);
    expect(assessment.blockers.map((finding) => finding.id).sort()).toEqual([
      'no-primary-key',
      'non-innodb-table',
      'target-kind-mismatch',
    ]);
    const noKey = assessment.blockers.find((finding) => finding.id === 'no-primary-key');
    expect(noKey?.message).toContain('18.7 s');
    expect(noKey?.fixStatements[0]).toMatch(
      /^ALTER TABLE `shop`.`audit_log` ADD COLUMN .* INVISIBLE, ADD PRIMARY KEY/,
    );
  });

  it('says the MariaDB target given with --target-kind aurora is not Aurora', () => {
    const mismatch = assessment.blockers.find((finding) => finding.id === 'target-kind-mismatch');
    expect(mismatch?.message).toMatch(/the target is MariaDB .*, not Aurora MySQL/);
  });

  it.each([
    ['definer-missing', ["'app'@'%'"]],
    ['triggers', ['shop.trg_orders_audit']],
    ['events', ['shop.purge_old_visits']],
    ['routines', ['shop.record_visit']],
    ['reserved-words', ['column shop.customers.rank']],
    ['zero-dates', ['shop.legacy_counters.reset_at']],
    ['default-collation-changes', ['shop']],
    ['sql-mode', ['server']],
    ['mariadb-to-mysql', ['server']],
  ])('warns %s about %j', (id, objects) => {
    expect(byId(assessment.warnings, id)).toEqual(objects);
  });

  it.each([
    ['foreign-keys', ['shop.orders', 'shop.order_items']],
    ['views', ['shop.customer_order_totals']],
  ])('notes %s', (id, objects) => {
    expect(byId(assessment.info, id).sort()).toEqual([...objects].sort());
  });

  it('reports the server facts and every table with engine, rows, sizes and keys', () => {
    expect(assessment.source).toMatchObject({
      flavour: 'mariadb',
      dialect: 'mariadb',
      serverId: 11,
      logBin: true,
      binlogFormat: 'ROW',
      binlogRowImage: 'FULL',
      gtidMode: 'MariaDB GTID (domain 0)',
      retention: { seconds: null },
    });
    const tables = Object.fromEntries(assessment.tables.map((table) => [table.name, table]));
    expect(Object.keys(tables).sort()).toEqual(
      ['audit_log', 'customers', 'legacy_counters', 'order_items', 'orders', 'visits'].sort(),
    );
    expect(tables.visits).toMatchObject({
      engine: 'InnoDB',
      primaryKey: ['id'],
      chunkColumn: 'id',
      secondaryIndexes: 1,
    });
    expect(tables.order_items).toMatchObject({ primaryKey: ['order_id', 'line_no'], foreignKeys: 1 });
    expect(tables.customers?.uniqueKeys).toEqual([['email']]);
    expect(tables.audit_log).toMatchObject({ primaryKey: [], chunkColumn: null });
    expect(tables.visits!.rows).toBeGreaterThan(1000);
    expect(tables.visits!.dataBytes).toBeGreaterThan(0);
  });

  it('finds no blockers in a database that is ready to move', async () => {
    const clean = await assess({
      source: await resolveServerUrl(source.url(['clean']), 'source', { env: {} }),
      targetKind: 'mysql',
    });
    expect(clean.blockers).toEqual([]);
    expect(clean.tables.map((table) => table.name)).toEqual(['items']);
  });

  it('calls binary logging off a blocker', async () => {
    const connection = await target.connect();
    await connection.query(
      'CREATE DATABASE IF NOT EXISTS app; CREATE TABLE IF NOT EXISTS app.t (id INT PRIMARY KEY)',
    );
    await connection.end();
    const noBinlog = await assess({
      source: await resolveServerUrl(target.url(['app']), 'source', { env: {} }),
      targetKind: 'aurora',
    });
    expect(noBinlog.blockers.map((finding) => finding.id)).toEqual(['binlog-off']);
  });
});

describe('migrate assess on the command line', () => {
  it.each([
    ['json', 'assessment.json'],
    ['md', 'assessment.md'],
    ['html', 'assessment.html'],
  ])('writes %s to --out and prints the summary', async (format, file) => {
    const out = join(outDir, file);
    const result = await runCli(['migrate', 'assess', '--source', source.url(['shop']), '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Blockers: 2');
    expect(result.stdout).toContain(`Wrote ${out}`);
    const written = await readFile(out, 'utf8');
    if (format === 'json') {
      const parsed = JSON.parse(written) as Assessment;
      expect(parsed.blockers.flatMap((finding) => finding.objects).sort()).toEqual(
        [`shop.${NO_PRIMARY_KEY_TABLE}`, `shop.${MYISAM_TABLE}`].sort(),
      );
    } else {
      expect(written).toContain(`shop.${MYISAM_TABLE}`);
      expect(written).toContain(`shop.${NO_PRIMARY_KEY_TABLE}`);
    }
    if (format === 'html') expect(written).toContain('&#x27;app&#x27;@&#x27;%&#x27;');
    expect((await readdir(outDir)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('exits 2 when the report format cannot be told from --out, and writes nothing', async () => {
    // An unreachable source: the format is checked before anything connects.
    const result = await runCli([
      'migrate',
      'assess',
      '--source',
      'mysql://root@127.0.0.1:1/shop',
      '--out',
      join(outDir, 'report.pdf'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot tell the report format');
    expect(await readdir(outDir)).not.toContain('report.pdf');
  });

  it('exits 2 when --out cannot be written', async () => {
    const blocker = join(outDir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const result = await runCli([
      'migrate',
      'assess',
      '--source',
      source.url(['shop']),
      '--out',
      join(blocker, 'report.md'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot write ${join(blocker, 'report.md')}`);
    expect(result.stderr).toContain('→ Choose a writable location with --out.');
  });

  it('prints JSON to stdout with --format json', async () => {
    const result = await runCli(['migrate', 'assess', '--source', source.url(['shop']), '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Assessment).databases).toEqual(['shop']);
  });

  it.each([
    {
      name: 'a malformed URL',
      url: () => 'mysql://root@127.0.0.1:notaport/shop',
      message: /source URL is not valid/,
    },
    {
      name: 'an unreachable server',
      url: () => 'mysql://root@127.0.0.1:1/shop',
      message: /Cannot reach the source server 127.0.0.1:1/,
    },
    {
      name: 'a wrong password',
      url: () => `mysql://root:wrong@127.0.0.1:${source.port}/shop`,
      message: /refused user "root"/,
    },
    { name: 'a missing database', url: () => source.url(['nope']), message: /no database nope/ },
  ])('exits 2 with a fix for $name, without echoing the password', async ({ url, message }) => {
    const result = await runCli(['migrate', 'assess', '--source', url()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/→ \S/);
    expect(result.stderr).not.toContain('wrong@');
  });
});

describe('the fixes assess gives', () => {
  it('clear the blockers when applied to the source', async () => {
    const connection = await source.connect();
    for (const statement of assessment.blockers.flatMap((finding) => finding.fixStatements)) {
      await connection.query(statement);
    }
    const [rows] = await connection.query('SELECT * FROM shop.audit_log LIMIT 1');
    await connection.end();
    // The invisible key column changes no SELECT *.
    expect(Object.keys((rows as object[])[0]!)).toEqual(['event', 'customer_id', 'logged_at', 'note']);
    const again = await assess({
      source: await resolveServerUrl(source.url(['shop']), 'source', { env: {} }),
      targetKind: 'aurora',
    });
    expect(again.blockers).toEqual([]);
  });
});
