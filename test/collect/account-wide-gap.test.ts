import { describe, expect, it } from 'vitest';
import { pass, type Check } from '../../src/engine/check.ts';
import { runCheck } from '../../src/engine/evaluate.ts';
import { emptyInventory, inventorySchema, type CoverageGap } from '../../src/inventory/schema.ts';

const MEMBER = '222222222222';
const OTHER = '333333333333';

const check: Check = {
  id: 'rds-anything',
  title: 'A check that reads RDS instances',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'high',
  needs: ['rds.instances'],
  wellArchitected: [
    {
      question: 'fault-isolation',
      choice: 'rel_fault_isolation_multiaz_region_system',
      bestPractice: 'REL10-BP01',
    },
  ],
  remediation: { summary: 'fix', steps: ['fix'], effort: 'low', downtime: false, extraCost: false },
  evaluate: (inventory) => inventory.rds.instances.map((db) => pass(db)),
};

function inventoryWithGap(gap: CoverageGap) {
  const input = emptyInventory('gaps', '2026-11-01T09:00:00.000Z');
  input.coverage = [gap];
  input.rds.instances = [MEMBER, OTHER].map((accountId) => ({
    arn: `arn:aws:rds:eu-west-1:${accountId}:db:orders`,
    accountId,
    region: 'eu-west-1',
    identifier: 'orders',
    engine: 'mysql',
    engineVersion: '8.0.39',
    instanceClass: 'db.r6g.large',
    multiAz: true,
    storageEncrypted: true,
    allocatedStorageGiB: 100,
    backupRetentionDays: 7,
    deletionProtection: true,
    publiclyAccessible: false,
  }));
  return inventorySchema.parse(input);
}

describe('an account-wide coverage gap (part "*")', () => {
  it.each([
    { region: '*', reason: 'assume-role-failed' as const },
    { region: 'eu-west-1', reason: 'opt-in-required' as const },
  ])('turns every result of the account in $region into an error ($reason)', ({ region, reason }) => {
    const outcomes = runCheck(
      check,
      inventoryWithGap({ part: '*', accountId: MEMBER, region, reason, message: 'no access' }),
    );
    expect(outcomes.map((outcome) => [outcome.resource.accountId, outcome.status])).toEqual([
      [OTHER, 'pass'],
      [MEMBER, 'error'],
    ]);
  });
});
