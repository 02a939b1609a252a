import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logoDataUri } from '../../src/report/branding.ts';
import { renderReports } from '../../src/report/index.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { namedDestinationPages } from '../../src/report/pdf-destinations.ts';
import { buildPreviousResults, buildResults } from './fixtures/results.ts';

const model = buildReportModel(buildResults(), buildPreviousResults());

describe('report model', () => {
  it('orders the plan by severity, then by effort', () => {
    expect(
      model.plan.map((group) => [group.check.severity, group.check.remediation.effort, group.check.id]),
    ).toEqual([
      ['critical', 'low', 'ec2-ssh-open-to-world'],
      ['high', 'low', 'rds-multi-az'],
      ['high', 'high', 'org-workload-account-separation'],
      ['high', 'high', 'rds-storage-encrypted'],
      ['medium', 'low', 'rds-backup-retention'],
      ['medium', 'low', 's3-default-encryption-kms'],
      ['medium', 'medium', 'ec2-bastion-session-manager'],
      ['medium', 'medium', 'org-scp-guardrails'],
      ['low', 'low', 'kms-key-rotation'],
    ]);
  });

  it.each([
    ['open findings (suppressed ones excluded)', model.openFindings, 9],
    ['high risks (critical and high)', model.highRisks, 4],
    ['medium risks', model.mediumRisks, 4],
    ['suppressed findings', model.suppressed.length, 1],
    ['error results', model.errors.length, 1],
    ['coverage gaps', model.coverageGaps.length, 2],
    ['top fixes', model.topFixes.length, 9],
    ['new findings since the previous run', model.changes?.newFindings.length, 1],
    ['resolved findings since the previous run', model.changes?.resolvedFindings.length, 1],
  ])('counts %s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('names what changed by finding key', () => {
    expect(model.changes?.newFindings.map(({ result }) => result.checkId)).toEqual(['kms-key-rotation']);
    expect(model.changes?.resolvedFindings.map(({ result }) => result.resource.name)).toEqual(['dev-rdp']);
  });

  it.each([
    ['SEC08', 'SEC08-BP02', 'failing'],
    ['SEC04', 'SEC04-BP01', 'passing'],
    ['REL10', 'REL10-BP01', 'failing'],
  ])('maps %s %s as %s with its lens title', (code, bestPractice, status) => {
    const question = model.mapping.find((candidate) => candidate.code === code);
    expect(question?.title).toMatch(/^How do you/);
    expect(question?.practices.find((practice) => practice.bestPractice === bestPractice)?.status).toBe(
      status,
    );
  });
});

describe('report inputs', () => {
  it('renders an estate with nothing to fix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wareview-report-'));
    try {
      const clean = buildResults({ rows: [] });
      const outcome = await renderReports(clean, {
        outDir: dir,
        formats: ['html', 'md', 'csv', 'json', 'sarif', 'asff'],
      });
      expect(outcome.failed).toEqual([]);
      expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain('No open findings.');
      expect((await readFile(join(dir, 'findings.csv'), 'utf8')).trim().split('\r\n')).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a colour that is not hex', { primaryColor: 'red; background: url(http://x)' }],
    ['an unknown key', { colour: '#fff' }],
  ])('refuses branding with %s and still says which field', async (_name, branding) => {
    const dir = await mkdtemp(join(tmpdir(), 'wareview-report-'));
    try {
      const outcome = await renderReports(buildResults(), {
        outDir: dir,
        formats: ['html', 'csv'],
        branding: branding as never,
      });
      expect(outcome.failed.map(({ format, error }) => [format, error.code])).toEqual([
        ['html', 'branding-invalid'],
      ]);
      expect(outcome.written).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('inlines a logo file as a data URI and refuses other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wareview-logo-'));
    try {
      await writeFile(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      await writeFile(join(dir, 'logo.html'), '<script>alert(1)</script>');
      expect(await logoDataUri('logo.svg', dir)).toMatch(/^data:image\/svg\+xml;base64,/);
      await expect(logoDataUri('logo.html', dir)).rejects.toMatchObject({ code: 'branding-logo-invalid' });
      await expect(logoDataUri('missing.png', dir)).rejects.toMatchObject({
        code: 'branding-logo-unreadable',
      });
      await expect(logoDataUri('data:text/html;base64,PHNjcmlwdD4=')).rejects.toMatchObject({
        code: 'branding-logo-invalid',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names an unknown format instead of failing the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wareview-report-'));
    try {
      const outcome = await renderReports(buildResults(), { outDir: dir, formats: ['docx' as never, 'csv'] });
      expect(outcome.failed.map(({ format, error }) => [format, error.code])).toEqual([
        ['docx', 'report-format-unknown'],
      ]);
      expect(outcome.written).toEqual([join(dir, 'findings.csv')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads no page numbers out of something that is not a Chromium PDF', () => {
    expect(namedDestinationPages(new TextEncoder().encode('%PDF-1.4\nnot really'))).toEqual(new Map());
  });
});
