import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_ESTATE_PATH } from '../../src/inventory/demo.ts';
import { runCli } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const checkApi = new URL('../../src/engine/check.ts', import.meta.url).pathname;
const demoText = readFileSync(DEMO_ESTATE_PATH, 'utf8');

function throwingCheck(where: 'import' | 'evaluate'): string {
  return `import { defineCheck } from '${checkApi}';
${where === 'import' ? "throw new Error('broken module');" : ''}
export default defineCheck({
  id: 'throws-${where}', title: 'A user check that throws on ${where}', area: 'encryption', pillar: 'security',
  severity: 'low', needs: ['s3.buckets'],
  wellArchitected: [{ question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' }],
  remediation: { summary: 'none', steps: ['none'], effort: 'low' },
  evaluate: () => { throw new Error('evaluate exploded'); },
});\n`;
}

describe('review --demo', () => {
  it('writes the snapshot and results of the bundled estate and exits 0', async () => {
    const out = join(tempDir(), 'run');
    const run = await runCli(['review', '--demo', '--out', out]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout).toContain('shop-platform');
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['inventory.json.gz', 'results.json']));
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(
      results.results.some((result: { checkId: string; status: string }) => result.status === 'fail'),
    ).toBe(true);
  });

  it('exits 1 when a finding reaches --fail-on', async () => {
    const run = await runCli(['review', '--demo', '--out', join(tempDir(), 'run'), '--fail-on', 'high']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/failing finding\(s\) at or above high/);
  });

  it('goes on past a check that throws and reports it as an error result', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'checks'));
    writeFileSync(join(dir, 'checks', 'throws-evaluate.ts'), throwingCheck('evaluate'));
    const out = join(dir, 'run');
    const run = await runCli([
      'review',
      '--demo',
      '--checks-dir',
      join(dir, 'checks'),
      '--out',
      out,
      '--format',
      'json',
    ]);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    const thrown = results.results.filter(
      (result: { checkId: string }) => result.checkId === 'throws-evaluate',
    );
    expect(thrown).toEqual([
      expect.objectContaining({ status: 'error', evidence: expect.stringContaining('evaluate exploded') }),
    ]);
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('broken inputs give one clear error, exit 2 and no partial run folder', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    [
      'a missing snapshot',
      (dir) => ['evaluate', '--inventory', join(dir, 'nope.json.gz')],
      /cannot read the snapshot/,
    ],
    [
      'a corrupt gzip snapshot',
      (dir) => {
        writeFileSync(join(dir, 'bad.json.gz'), Buffer.concat([gzipSync(demoText).subarray(0, 300)]));
        return ['evaluate', '--inventory', join(dir, 'bad.json.gz')];
      },
      /gzip data is corrupt or truncated/,
    ],
    [
      'a snapshot of a newer schema version',
      (dir) => {
        writeFileSync(
          join(dir, 'new.json.gz'),
          gzipSync(demoText.replace('"schemaVersion": 1', '"schemaVersion": 7')),
        );
        return ['evaluate', '--inventory', join(dir, 'new.json.gz')];
      },
      /schema version 7 is newer/,
    ],
    [
      'an unknown check id',
      () => ['review', '--demo', '--checks', 'no-such-check'],
      /unknown check id: no-such-check/,
    ],
    [
      'a check module that throws on import',
      (dir) => {
        mkdirSync(join(dir, 'checks'));
        writeFileSync(join(dir, 'checks', 'throws-import.ts'), throwingCheck('import'));
        return ['review', '--demo', '--checks-dir', join(dir, 'checks')];
      },
      /throws-import\.ts: cannot be loaded \(broken module\)/,
    ],
    [
      'a malformed config',
      (dir) => {
        writeFileSync(
          join(dir, 'wareview.config.yaml'),
          'output:\n  formats: [html, docx]\n  colour: blue\n',
        );
        return ['review', '--demo'];
      },
      /2 problem\(s\) in the config/,
    ],
    [
      'an unknown report format',
      () => ['review', '--demo', '--format', 'html,docx'],
      /unknown report format: docx/,
    ],
    ['an unknown command', () => ['reveiw'], /Unknown argument|Did you mean/],
  ];

  it.each(cases)('%s', async (_name, argsFor, message) => {
    const dir = tempDir();
    const run = await runCli(argsFor(dir), { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'reports')) ? readdirSync(join(dir, 'reports')) : []).toEqual([]);
  });

  it('refuses to replace a folder that is not a wareview run', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    const run = await runCli(['review', '--demo', '--out', dir]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});

describe('checks', () => {
  it('list --format json gives the full metadata of every check', async () => {
    const run = await runCli(['checks', 'list', '--format', 'json']);
    const checks = JSON.parse(run.stdout) as {
      id: string;
      remediation: { steps: string[] };
      wellArchitected: unknown[];
    }[];
    expect(checks.length).toBeGreaterThan(0);
    expect(
      checks.every((check) => check.remediation.steps.length > 0 && check.wellArchitected.length > 0),
    ).toBe(true);
  });

  it('show names the lens mapping and the remediation', async () => {
    const run = await runCli(['checks', 'show', 'rds-multi-az']);
    expect(run.stdout).toContain('REL10-BP01');
    expect(run.stdout).toContain('aws rds modify-db-instance');
  });

  it('show of an unknown id exits 2', async () => {
    expect((await runCli(['checks', 'show', 'nope'])).code).toBe(2);
  });
});
