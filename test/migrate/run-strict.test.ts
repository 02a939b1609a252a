import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigration } from '../../src/migrate/run/run.ts';
import {
  firstPrimaryKeyColumn,
  STRICT_LOAD_SQL_MODE,
  strictChunkLine,
  writeStrictChunk,
} from '../../src/migrate/run/strict-chunk.ts';
import { startMariadbServers, type MariadbServer } from './helpers/mariadb-server.ts';
import { writeLocalPlan } from './run-plan-fixture.ts';

const CHUNK = [
  '/*!40101 SET NAMES binary*/;',
  '/*!40014 SET FOREIGN_KEY_CHECKS=0*/;',
  'INSERT IGNORE INTO `t` VALUES',
  '(1,"a;"),',
  '(2,"b\\nc;");',
  'INSERT IGNORE INTO `t` VALUES',
  '(3,"d");',
].join('\n');

describe('a dump chunk made strict', () => {
  it.each([
    {
      name: 'a first load inserts plainly',
      keepExistingBy: null,
      expected: [
        'INSERT INTO `t` VALUES',
        '(1,"a;"),',
        '(2,"b\\nc;");',
        'INSERT INTO `t` VALUES',
        '(3,"d");',
      ],
    },
    {
      name: 'a reload after a kill forgives only a duplicate primary key',
      keepExistingBy: 'id',
      expected: [
        'INSERT INTO `t` VALUES',
        '(1,"a;"),',
        '(2,"b\\nc;") ON DUPLICATE KEY UPDATE `id` = `id`;',
        'INSERT INTO `t` VALUES',
        '(3,"d") ON DUPLICATE KEY UPDATE `id` = `id`;',
      ],
    },
  ])('$name', async ({ keepExistingBy, expected }) => {
    const dir = await mkdtemp(join(tmpdir(), 'wareview-strict-'));
    try {
      await writeFile(join(dir, 'in.sql'), `${CHUNK}\n`);
      await writeStrictChunk(join(dir, 'in.sql'), join(dir, 'out.sql'), { keepExistingBy });
      const lines = (await readFile(join(dir, 'out.sql'), 'utf8')).trimEnd().split('\n');
      expect(lines[0]).toBe(`/*!40101 SET SESSION sql_mode = '${STRICT_LOAD_SQL_MODE}' */;`);
      expect(lines.slice(1, 3)).toEqual(CHUNK.split('\n').slice(0, 2));
      expect(lines.slice(3)).toEqual(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves SET lines outside INSERT statements alone', () => {
    expect(strictChunkLine('/*!40101 SET NAMES binary*/;', false, { keepExistingBy: 'id' }).text).toBe(
      '/*!40101 SET NAMES binary*/;',
    );
  });

  it.each([
    ['CREATE TABLE `t` (\n  `id` int,\n  PRIMARY KEY (`id`,`b`)\n)', 'id'],
    ['CREATE TABLE `t` (\n  `we``ird` int,\n  PRIMARY KEY (`we``ird`)\n)', 'we`ird'],
    ['CREATE TABLE `t` (\n  `id` int\n)', null],
  ])('primary key column of %j', (sql, column) => {
    expect(firstPrimaryKeyColumn(sql)).toBe(column);
  });
});

describe('migrate run loads strictly', () => {
  let source: MariadbServer;
  let target: MariadbServer;
  let dir: string;

  beforeAll(async () => {
    [source, target] = (await startMariadbServers([{ serverId: 61 }, { serverId: 62 }])) as [
      MariadbServer,
      MariadbServer,
    ];
    dir = await mkdtemp(join(tmpdir(), 'wareview-strict-run-'));
    const setup = await source.connect();
    // The source accepted an impossible date that a strict target refuses; INSERT IGNORE would
    // have loaded it as 0000-00-00 without a word.
    await setup.query(`CREATE DATABASE shop;
      CREATE TABLE shop.bookings (id INT PRIMARY KEY, day DATE NOT NULL) ENGINE=InnoDB;
      SET SESSION sql_mode = 'ALLOW_INVALID_DATES';
      INSERT INTO shop.bookings VALUES (1, '2026-02-28'), (2, '2026-02-30'), (3, '2026-03-01');`);
    await setup.end();
  });

  afterAll(async () => {
    await Promise.all([source?.stop(), target?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fails on a value the target cannot hold instead of changing it', async () => {
    const planPath = join(dir, 'plan.json');
    await writeLocalPlan(planPath, {
      sourceUrl: source.url(['shop']),
      targetUrl: target.url(),
      databases: ['shop'],
    });
    const silent = {
      phase: () => undefined,
      update: () => undefined,
      log: () => undefined,
      stop: () => undefined,
    };
    await expect(runMigration({ planPath, progress: silent, pollMs: 100 })).rejects.toThrow(
      /Incorrect date value: '2026-02-30'/,
    );
    const connection = await target.connect();
    const [rows] = await connection.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM shop.bookings WHERE day = '0000-00-00'",
    );
    await connection.end();
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
