import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDumpTools, parseDumpMetadata, runTool } from '../../src/migrate/run/mydumper.ts';
import { deferredClauseName, rewriteTableSchema } from '../../src/migrate/run/schema-rewrite.ts';
import { readRunState, statePathFor } from '../../src/migrate/run/state.ts';
import { runCli } from './run-cli.ts';
import { writeLocalPlan } from './run-plan-fixture.ts';

const MYDUMPER_010 = `Started dump at: 2026-11-27 02:20:35
SHOW MASTER STATUS:
\tLog: bin.000001
\tPos: 2755
\tGTID:0-11-12

Finished dump at: 2026-11-27 02:20:35
`;
const MYDUMPER_014 = `# Started dump at: 2026-11-27 02:20:35
[source]
# Channel_Name = '' # It can be use to setup replication FOR CHANNEL
File = mysql-bin.000042
Position = 157
Executed_Gtid_Set = 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77
`;

describe('parseDumpMetadata', () => {
  it.each([
    ['mydumper 0.10', MYDUMPER_010, { file: 'bin.000001', position: 2755, gtid: '0-11-12' }],
    [
      'mydumper 0.14+ (INI)',
      MYDUMPER_014,
      { file: 'mysql-bin.000042', position: 157, gtid: '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77' },
    ],
    [
      'mydumper 0.10, no GTID yet',
      MYDUMPER_010.replace('0-11-12', ''),
      { file: 'bin.000001', position: 2755 },
    ],
    ['a source without binlog', 'Started dump at: x\nFinished dump at: y\n', null],
  ])('%s', (_name, text, expected) => {
    expect(parseDumpMetadata(text)).toEqual(expected);
  });
});

const VISITS = `/*!40101 SET NAMES binary*/;
/*!40014 SET FOREIGN_KEY_CHECKS=0*/;

CREATE TABLE \`visits\` (
  \`id\` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  \`customer_id\` int(10) unsigned NOT NULL,
  \`note\` varchar(20) DEFAULT 'KEY (x),',
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uk_note\` (\`note\`),
  KEY \`ix_customer\` (\`customer_id\`),
  CONSTRAINT \`fk_customer\` FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\` (\`id\`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4;
`;
const LEGACY = `CREATE TABLE \`legacy\` (
  \`id\` int(11) NOT NULL AUTO_INCREMENT,
  \`name\` varchar(10) NOT NULL,
  KEY \`ix_id\` (\`id\`),
  KEY \`ix_name\` (\`name\`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1 ROW_FORMAT=FIXED DELAY_KEY_WRITE=1;
`;

describe('rewriteTableSchema', () => {
  it('keeps the primary key and defers secondary and foreign keys to one ALTER', () => {
    const rewritten = rewriteTableSchema(VISITS);
    expect(rewritten.createSql).toContain(
      "  `note` varchar(20) DEFAULT 'KEY (x),',\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB",
    );
    expect(rewritten.createSql).not.toMatch(/uk_note|ix_customer|fk_customer/);
    expect(rewritten.deferredClauses).toEqual([
      'ADD UNIQUE KEY `uk_note` (`note`)',
      'ADD KEY `ix_customer` (`customer_id`)',
      'ADD CONSTRAINT `fk_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)',
    ]);
    expect(rewritten).toMatchObject({ convertedFromEngine: null, hasPrimaryKey: true });
  });

  it('makes MyISAM InnoDB, drops its options, and keeps the key an AUTO_INCREMENT column needs', () => {
    const rewritten = rewriteTableSchema(LEGACY);
    expect(rewritten.createSql).toContain('  KEY `ix_id` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=latin1;');
    expect(rewritten.deferredClauses).toEqual(['ADD KEY `ix_name` (`name`)']);
    expect(rewritten).toMatchObject({ convertedFromEngine: 'MyISAM', hasPrimaryKey: false });
  });

  it.each([
    ['ADD UNIQUE KEY `uk_note` (`note`)', 'uk_note'],
    ['ADD CONSTRAINT `fk``x` FOREIGN KEY (`a`) REFERENCES `b` (`id`)', 'fk`x'],
    ['ADD KEY `ix` (`a`,`b`)', 'ix'],
  ])('deferredClauseName(%s) = %s', (clause, name) => {
    expect(deferredClauseName(clause)).toBe(name);
  });
});

describe('the run state file', () => {
  it.each([
    ['not JSON', '{"version": 1,', /not valid JSON/],
    [
      'a step that does not exist',
      '{"version":1,"planFile":"plan.json","completed":["copy"],"warnings":[]}',
      /completed\.0/,
    ],
  ])('%s is refused with what to do', async (_name, text, problem) => {
    const dir = await mkdtemp(join(tmpdir(), 'wareview-state-'));
    try {
      const planPath = join(dir, 'plan.json');
      await writeFile(statePathFor(planPath), text);
      const error = await readRunState(statePathFor(planPath), planPath).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'MIGRATE_STATE_CORRUPT', message: expect.stringMatching(problem) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lives beside the plan', () => {
    expect(statePathFor('/runs/shop/plan.json')).toBe('/runs/shop/plan.state.json');
  });
});

describe('runTool', () => {
  it('turns a failing tool into a user error carrying the end of its output', async () => {
    await expect(
      runTool('sh', ['-c', 'echo "Error restoring shop.visits" >&2; exit 3']),
    ).rejects.toMatchObject({
      code: 'MIGRATE_TOOL_FAILED',
      message: 'sh failed (exit code 3): Error restoring shop.visits',
    });
  });
});

describe('without mydumper and myloader', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wareview-tools-'));
    await writeLocalPlan(join(dir, 'plan.json'), {
      sourceUrl: 'mysql://root@127.0.0.1:9/shop',
      targetUrl: 'mysql://root@127.0.0.1:9/',
      databases: ['shop'],
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('detectDumpTools names the package to install', async () => {
    await expect(detectDumpTools({ PATH: dir })).rejects.toMatchObject({
      code: 'MIGRATE_MYDUMPER_MISSING',
      hint: expect.stringContaining('apt-get install mydumper'),
    });
  });

  it('`migrate run` fails with one clear message and exit code 2', async () => {
    const { code, stderr } = await runCli(['migrate', 'run', '--plan', join(dir, 'plan.json')], {
      ...process.env,
      PATH: dir,
    });
    expect(stderr).toMatch(/^wareview: mydumper and myloader are not installed/m);
    expect(stderr).toContain('apt-get install mydumper');
    expect(code).toBe(2);
  });
});
