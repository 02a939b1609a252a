import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfReadingText, run, SCHEMAS, tempDir, validator } from './helpers.ts';

const BIN = fileURLToPath(new URL('../../bin/wareview.js', import.meta.url));
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Issue 6 as a user runs it: the bundled estate reviewed into all seven formats. */
describe('wareview review --demo --format html,pdf,md,json,csv,sarif,asff', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const out = () => join(dir.path, 'demo');

  beforeAll(async () => {
    dir = await tempDir();
    await run(
      process.execPath,
      [BIN, 'review', '--demo', '--out', out(), '--format', 'html,pdf,md,json,csv,sarif,asff'],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  }, 240_000);
  afterAll(() => dir?.remove());

  it('writes all seven reports', async () => {
    expect(await readdir(out())).toEqual(
      expect.arrayContaining([
        'report.html',
        'report.pdf',
        'report.md',
        'report.json',
        'findings.csv',
        'report.sarif',
        'findings.asff.json',
      ]),
    );
  });

  it.each([
    ['the bastion finding', 'bastion-prod'],
    ['the encryption finding', 'unencrypted mysql 5.7.44 instance'],
    ['the database finding', 'single-AZ mysql shop-orders-mysql'],
    ['the remediation plan', 'Prioritised remediation plan'],
  ])('has %s in the PDF text', async (_name, expected) => {
    expect(squeeze(await pdfReadingText(join(out(), 'report.pdf')))).toContain(squeeze(expected));
  });

  it.each([
    ['report.json', SCHEMAS.report],
    ['report.sarif', SCHEMAS.sarif],
  ])('%s validates against its schema', async (file, schema) => {
    const validate = validator(await schema());
    const document = JSON.parse(await readFile(join(out(), file), 'utf8'));
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });
});
