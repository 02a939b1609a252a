import { describe, expect, it } from 'vitest';
import { defineCheck, fail, pass, type Check } from '../../src/engine/check.ts';
import { evaluateChecks, findingKey, runCheck } from '../../src/engine/evaluate.ts';
import { inventorySchema } from '../../src/inventory/schema.ts';
import { baseInventory, gap, rdsInstance } from '../checks/kit.ts';

function check(evaluate: Check['evaluate'], needs = ['rds.instances']): Check {
  return {
    ...(defineCheck({
      id: 'test-check',
      title: 'A check used by the engine tests',
      area: 'database-ha',
      pillar: 'reliability',
      severity: 'high',
      needs,
      wellArchitected: [
        {
          question: 'fault-isolation',
          choice: 'rel_fault_isolation_multiaz_region_system',
          bestPractice: 'REL10-BP01',
        },
      ],
      remediation: { summary: 'fix it', steps: ['fix it'], effort: 'low' },
      evaluate,
    }) as Check),
    remediation: { summary: 'fix it', steps: ['fix it'], effort: 'low', downtime: false, extraCost: false },
  };
}

function inventoryWith(setup: (inv: ReturnType<typeof baseInventory>) => void) {
  const input = baseInventory();
  setup(input);
  return inventorySchema.parse(input);
}

describe('runCheck', () => {
  it('turns a check that throws into one error result, never a pass or a crash', () => {
    const outcomes = runCheck(
      check(() => {
        throw new Error('boom');
      }),
      inventoryWith(() => {}),
    );
    expect(outcomes).toEqual([
      expect.objectContaining({
        status: 'error',
        messageId: 'check-threw',
        evidence: expect.stringContaining('boom'),
      }),
    ]);
  });

  it('replaces results inside a coverage gap by one error per gap and keeps the others', () => {
    const inventory = inventoryWith((inv) => {
      inv.rds.instances.push(
        rdsInstance({ identifier: 'in-gap' }),
        rdsInstance({ identifier: 'elsewhere', region: 'us-east-1' }),
      );
      gap(inv, 'rds.instances');
    });
    const outcomes = runCheck(
      check((inv) => inv.rds.instances.map((db) => pass(db))),
      inventory,
    );
    expect(outcomes.map((outcome) => [outcome.status, outcome.resource.region])).toEqual([
      ['pass', 'us-east-1'],
      ['error', 'eu-west-1'],
    ]);
  });

  it('a gap on a whole service covers its parts', () => {
    const inventory = inventoryWith((inv) => gap(inv, 'rds', '*'));
    expect(
      runCheck(
        check(() => []),
        inventory,
      ),
    ).toEqual([expect.objectContaining({ status: 'error' })]);
  });

  it('ignores gaps in parts the check does not read', () => {
    const inventory = inventoryWith((inv) => gap(inv, 'ec2.instances'));
    expect(
      runCheck(
        check(() => []),
        inventory,
      ),
    ).toEqual([]);
  });
});

describe('evaluateChecks', () => {
  const inventory = inventoryWith((inv) => {
    inv.rds.instances.push(
      rdsInstance({ identifier: 'a', multiAz: false }),
      rdsInstance({ identifier: 'b' }),
    );
  });
  const multiAz = check((inv) =>
    inv.rds.instances.map((db) => (db.multiAz ? pass(db) : fail(db, `${db.identifier} single-AZ`))),
  );

  it('gives stable finding keys, sorted failures first, and a severity-weighted score', () => {
    const results = evaluateChecks([multiAz], inventory, { now: new Date('2026-11-02T00:00:00Z') });
    expect(results.results.map((result) => [result.status, result.resource.name])).toEqual([
      ['fail', 'a'],
      ['pass', 'b'],
    ]);
    expect(results.results[0]!.findingKey).toBe(
      findingKey('test-check', 'arn:aws:rds:eu-west-1:111111111111:db:a'),
    );
    expect(results.summary.total).toMatchObject({ score: 50, pass: 1, fail: 1 });
    expect(results.summary.failuresBySeverity).toEqual({ high: 1 });
  });

  it('applies suppressions with reasons, warns about expired ones and those that match nothing', () => {
    const results = evaluateChecks([multiAz], inventory, {
      now: new Date('2026-11-02T00:00:00Z'),
      suppressions: [
        { check: 'test-*', resource: 'a', reason: 'decommissioned in December', expires: '2026-12-31' },
        { check: 'test-check', resource: 'b', reason: 'old exception', expires: '2026-01-01' },
        { check: 'other-*', resource: '*', reason: 'nothing matches' },
      ],
    });
    expect(results.results[0]!.suppressed).toEqual({
      reason: 'decommissioned in December',
      expires: '2026-12-31',
    });
    expect(results.summary.total).toMatchObject({ score: 100, fail: 0 });
    expect(results.warnings).toEqual([
      expect.stringContaining('expired on 2026-01-01'),
      expect.stringContaining('other-* (*) matched no failing result'),
    ]);
  });
});
