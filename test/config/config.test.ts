import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

const complete = `
workload:
  name: shop-platform
  environment: PRODUCTION
  reviewOwner: platform-team@shop.example
scope:
  regions: [eu-central-1, eu-west-1]
  accounts: ["210987654321", "!345678901234"]
  organization: true
checks:
  areas: [database-ha, encryption]
  ids: ["rds-*"]
suppressions:
  - check: rds-multi-az
    resource: "arn:aws:rds:*:*:db:reporting-*"
    reason: Reporting replicas are rebuilt from the warehouse
    expires: 2027-03-31
output:
  formats: [html, pdf]
  language: de
  failOn: high
  branding:
    company: Example Consulting
    primaryColor: "#0b5394"
`;

describe('config', () => {
  it('parses a complete YAML config', () => {
    const config = parseConfig(complete, 'wareview.config.yaml');
    expect(config.workload?.name).toBe('shop-platform');
    expect(config.suppressions?.[0]).toMatchObject({ check: 'rds-multi-az', expires: '2027-03-31' });
    expect(config.output).toMatchObject({ formats: ['html', 'pdf'], language: 'de', failOn: 'high' });
  });

  it('parses JSON too', () => {
    expect(parseConfig('{"workload": {"name": "shop"}}', 'wareview.config.json')).toEqual({
      workload: { name: 'shop' },
    });
  });

  it('lists every problem at once, with its path', () => {
    const broken = `
workload:
  name: x
scope:
  regions: [europe]
  acounts: ["1"]
output:
  formats: [html, docx]
  failOn: urgent
suppressions:
  - check: rds-multi-az
`;
    let message = '';
    try {
      parseConfig(broken, 'wareview.config.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    for (const fragment of [
      '6 problem(s)',
      'suppressions.0.reason',
      'workload.name',
      'scope.regions.0: a region looks like eu-central-1',
      'scope: unknown setting(s): acounts',
      'output.formats.1',
      'output.failOn',
    ]) {
      expect(message).toContain(fragment);
    }
  });

  it('accepts not-applicable choices with real lens ids and rejects unknown ones', () => {
    const entry = (question: string, choice: string) =>
      `workload:\n  name: shop\n  notApplicable:\n    - question: ${question}\n      choice: ${choice}\n      reason: OUT_OF_SCOPE\n`;
    expect(
      parseConfig(entry('fault-isolation', 'rel_fault_isolation_use_bulkhead'), 'c.yaml').workload
        ?.notApplicable,
    ).toEqual([
      { question: 'fault-isolation', choice: 'rel_fault_isolation_use_bulkhead', reason: 'OUT_OF_SCOPE' },
    ]);
    expect(() => parseConfig(entry('fault-isolation', 'made_up'), 'c.yaml')).toThrow(
      /workload\.notApplicable\.0: "made_up" is not a choice of question "fault-isolation"/,
    );
  });

  it('rejects a suppression without a reason', () => {
    expect(() => parseConfig('suppressions:\n  - check: x\n    reason: ""\n', 'c.yaml')).toThrow(
      /suppressions\.0\.reason/,
    );
  });

  it('reports YAML syntax errors with a hint', () => {
    expect(() => parseConfig('workload: [unclosed\n', 'c.yaml')).toThrow(/not valid YAML/);
  });

  it('finds wareview.config.yaml in the working folder, and none is fine', async () => {
    const dir = tempDir();
    expect((await loadConfig(undefined, dir)).path).toBeUndefined();
    writeFileSync(join(dir, 'wareview.config.yaml'), 'workload:\n  name: found-it\n');
    const loaded = await loadConfig(undefined, dir);
    expect(loaded.config.workload?.name).toBe('found-it');
    expect(loaded.baseDir).toBe(dir);
  });

  it('names a missing --config file', async () => {
    await expect(loadConfig('missing.yaml', tempDir())).rejects.toMatchObject({ code: 'CONFIG_UNREADABLE' });
  });
});
