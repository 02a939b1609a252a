import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecks } from '../../src/engine/loader.ts';
import { selectChecks } from '../../src/engine/select.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const checkApi = new URL('../../src/engine/check.ts', import.meta.url).pathname;

function userCheck(id: string, overrides: Record<string, string> = {}): string {
  const fields = {
    id: `'${id}'`,
    title: `'User check ${id} for the loader tests'`,
    area: `'encryption'`,
    pillar: `'security'`,
    severity: `'medium'`,
    needs: `['s3.buckets']`,
    wellArchitected: `[{ question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' }]`,
    remediation: `{ summary: 'Encrypt', steps: ['Turn on default encryption'], effort: 'low' }`,
    evaluate: `(inv) => inv.s3.buckets.map((b) => (b.encryption ? pass(b) : fail(b, 'no default encryption')))`,
    ...overrides,
  };
  const body = Object.entries(fields)
    .map(([key, value]) => `  ${key}: ${value},`)
    .join('\n');
  return `import { defineCheck, pass, fail } from '${checkApi}';\nexport default defineCheck({\n${body}\n});\n`;
}

function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('loadChecks', () => {
  it('loads the built-in library: unique kebab-case ids, sorted', async () => {
    const checks = await loadChecks();
    const ids = checks.map((check) => check.id);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(checks.every((check) => check.builtin)).toBe(true);
  });

  it('loads TypeScript and JavaScript user checks from --checks-dir, ignoring fixtures and helpers', async () => {
    const dir = folderWith({
      'bucket-encrypted-ts.ts': userCheck('bucket-encrypted-ts'),
      'nested/bucket-encrypted-js.mjs': userCheck('bucket-encrypted-js'),
      'bucket-encrypted-ts.fixtures.ts': 'throw new Error("never loaded")',
      '_helpers.ts': 'throw new Error("never loaded")',
    });
    const checks = await loadChecks({ includeBuiltin: false, extraDirs: [dir] });
    expect(checks.map((check) => [check.id, check.builtin])).toEqual([
      ['bucket-encrypted-js', false],
      ['bucket-encrypted-ts', false],
    ]);
  });

  it.each([
    [
      'a module that throws on import',
      { 'broken.ts': 'throw new Error("syntax of doom")' },
      'cannot be loaded (syntax of doom)',
    ],
    ['no default export', { 'nothing.ts': 'export const x = 1;' }, 'has no default export'],
    [
      'a file name that differs from the id',
      { 'other-name.ts': userCheck('the-id') },
      'the file name must equal the check id',
    ],
    ['an unknown area', { 'bad-area.ts': userCheck('bad-area', { area: `'cooking'` }) }, 'area'],
    ['an id that is not kebab-case', { 'Bad_Id.ts': userCheck('Bad_Id') }, 'kebab-case'],
    [
      'an unknown inventory part',
      { 'bad-needs.ts': userCheck('bad-needs', { needs: `['lambda.functions']` }) },
      'unknown inventory part "lambda.functions"',
    ],
    [
      'a lens question that does not exist',
      {
        'bad-question.ts': userCheck('bad-question', {
          wellArchitected: `[{ question: 'made-up', choice: 'x', bestPractice: 'SEC01-BP01' }]`,
        }),
      },
      'unknown lens question "made-up"',
    ],
    [
      'a choice of another question',
      {
        'bad-choice.ts': userCheck('bad-choice', {
          wellArchitected: `[{ question: 'protect-data-rest', choice: 'sec_protect_data_transit_encrypt', bestPractice: 'SEC09-BP02' }]`,
        }),
      },
      'is not a choice of question "protect-data-rest"',
    ],
    [
      'a wrong best-practice code',
      {
        'bad-bp.ts': userCheck('bad-bp', {
          wellArchitected: `[{ question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP09' }]`,
        }),
      },
      'is best practice SEC08-BP02, not SEC08-BP09',
    ],
    [
      'duplicate ids',
      { 'dup-check.ts': userCheck('dup-check'), 'again/dup-check.ts': userCheck('dup-check') },
      'is already defined',
    ],
  ])('rejects %s with a clear problem list', async (_name, files, fragment) => {
    const dir = folderWith(files);
    await expect(loadChecks({ includeBuiltin: false, extraDirs: [dir] })).rejects.toMatchObject({
      code: 'CHECKS_INVALID',
      message: expect.stringContaining(fragment),
    });
  });

  it('reports every problem at once', async () => {
    const dir = folderWith({ 'a.ts': 'export const x = 1;', 'b.ts': userCheck('wrong') });
    await expect(loadChecks({ includeBuiltin: false, extraDirs: [dir] })).rejects.toMatchObject({
      message: expect.stringMatching(/2 problem\(s\)[\s\S]*a\.ts[\s\S]*b\.ts/),
    });
  });

  it('refuses a --checks-dir that does not exist', async () => {
    await expect(loadChecks({ extraDirs: ['/nonexistent/checks'] })).rejects.toMatchObject({
      code: 'CHECKS_DIR_MISSING',
    });
  });
});

describe('selectChecks', () => {
  const checks = [
    { id: 'rds-multi-az', area: 'database-ha', pillar: 'reliability', severity: 'high' },
    { id: 'rds-backup-retention', area: 'database-ha', pillar: 'reliability', severity: 'medium' },
    { id: 'ssh-open-to-internet', area: 'remote-access', pillar: 'security', severity: 'critical' },
  ] as never[];
  const ids = (selection: Parameters<typeof selectChecks>[1]) =>
    selectChecks(checks, selection).map((c: { id: string }) => c.id);

  it.each([
    ['everything by default', {}, ['rds-multi-az', 'rds-backup-retention', 'ssh-open-to-internet']],
    ['id globs', { ids: ['rds-*'] }, ['rds-multi-az', 'rds-backup-retention']],
    ['exclusions', { ids: ['rds-*', '!rds-backup-*'] }, ['rds-multi-az']],
    ['areas', { areas: ['remote-access'] }, ['ssh-open-to-internet']],
    [
      'pillars and severities together',
      { pillars: ['reliability'], severities: ['high', 'critical'] },
      ['rds-multi-az'],
    ],
  ])('selects %s', (_name, selection, expected) => {
    expect(ids(selection)).toEqual(expected);
  });

  it('rejects an unknown check id instead of running fewer checks', () => {
    expect(() => ids({ ids: ['rds-multi-az', 'no-such-check'] })).toThrow(/unknown check id: no-such-check/);
  });
});
