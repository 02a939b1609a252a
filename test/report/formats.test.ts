import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/index.ts';
import { csvField, csvLine } from '../../src/report/csv.ts';
import { buildPreviousResults, buildResults } from './fixtures/results.ts';
import { SCHEMAS, tempDir, validator } from './helpers.ts';

describe('machine-readable formats', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const read = (file: string) => readFile(join(dir.path, file), 'utf8');

  beforeAll(async () => {
    dir = await tempDir();
    const outcome = await renderReports(buildResults({ hostile: '=HYPERLINK("http://x") <b>"q",</b>' }), {
      outDir: dir.path,
      formats: ['json', 'csv', 'sarif', 'asff'],
      previous: buildPreviousResults(),
      branding: { customer: 'Acme Retail GmbH' },
      waTool: { riskCounts: { HIGH: 2 }, workloadId: 'w-1' },
    });
    expect(outcome.failed).toEqual([]);
  });
  afterAll(() => dir?.remove());

  it('report.json validates against its published schema', async () => {
    const schema = await SCHEMAS.report();
    const report = JSON.parse(await read('report.json'));
    const validate = validator(schema);
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.$schema).toBe(schema.$id);
    expect(report.findings.length).toBeGreaterThan(5);
    expect(report.changes.newFindings).toHaveLength(1);
  });

  it('report.json that breaks the schema is caught by it', async () => {
    const schema = await SCHEMAS.report();
    const report = JSON.parse(await read('report.json'));
    report.findings[0].severity = 'urgent';
    expect(validator(schema)(report)).toBe(false);
  });

  it('report.sarif validates against the official SARIF 2.1.0 schema', async () => {
    const schema = await SCHEMAS.sarif();
    const sarif = JSON.parse(await read('report.sarif'));
    const validate = validator(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = sarif.runs[0];
    expect(run.results.map((result: { ruleId: string }) => result.ruleId)).toContain('ec2-ssh-open-to-world');
    expect(run.results.filter((result: { suppressions?: unknown[] }) => result.suppressions)).toHaveLength(1);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  it('findings.asff.json is a BatchImportFindings array within the ASFF limits', async () => {
    const findings = JSON.parse(await read('findings.asff.json'));
    expect(findings.length).toBeGreaterThan(5);
    for (const finding of findings) {
      expect(finding).toMatchObject({
        SchemaVersion: '2018-10-08',
        AwsAccountId: expect.stringMatching(/^\d{12}$/),
        ProductArn: expect.stringMatching(/^arn:aws:securityhub:[a-z0-9-]+:\d{12}:product\/\d{12}\/default$/),
        GeneratorId: expect.stringMatching(/^wareview\//),
        Severity: { Label: expect.stringMatching(/^(CRITICAL|HIGH|MEDIUM|LOW|INFORMATIONAL)$/) },
        Compliance: { Status: expect.stringMatching(/^(FAILED|NOT_AVAILABLE)$/) },
      });
      expect(finding.Title.length).toBeLessThanOrEqual(256);
      expect(finding.Description.length).toBeLessThanOrEqual(1024);
      expect(finding.Resources[0].Id).toBeTruthy();
      expect(Date.parse(finding.UpdatedAt)).not.toBeNaN();
    }
    expect(
      findings.find((f: { Workflow: { Status: string } }) => f.Workflow.Status === 'SUPPRESSED'),
    ).toBeDefined();
    expect(
      findings.find((f: { Resources: { Type: string }[] }) => f.Resources[0]?.Type === 'AwsAccount')
        .Resources[0].Id,
    ).toMatch(/^AWS::::Account:\d{12}$/);
  });

  it('findings.csv quotes hostile names and neutralises formulas', async () => {
    const csv = await read('findings.csv');
    expect(csv.split('\r\n')[0]).toMatch(/^status,severity,area,/);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") <b>""q"",</b>"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['=A1,"x"', `"'=A1,""x"""`],
    [null, ''],
    [42, '42'],
    [true, 'true'],
  ])('%j becomes %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins a line with commas', () => {
    expect(csvLine(['a', 'b,c', '=d'])).toBe(`a,"b,c",'=d`);
  });
});
