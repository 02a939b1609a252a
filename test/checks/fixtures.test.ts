import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/evaluate.ts';
import { loadChecks, type LoadedCheck } from '../../src/engine/loader.ts';
import { inventorySchema } from '../../src/inventory/schema.ts';
import { baseInventory, type ExpectedResult, type FixtureCase } from './kit.ts';
import { fixtureProblems, fixturesPath } from './fixture-rules.ts';

const checks = await loadChecks();
const tables = new Map<string, FixtureCase[]>();
for (const check of checks) {
  if (existsSync(fixturesPath(check))) {
    const module = (await import(fixturesPath(check))) as { default: FixtureCase[] };
    tables.set(check.id, module.default);
  }
}

function outcomeOf(check: LoadedCheck, fixture: FixtureCase): ExpectedResult[] {
  const input = baseInventory();
  fixture.given(input);
  const inventory = inventorySchema.parse(input);
  return runCheck(check, inventory).map((outcome) => ({
    status: outcome.status,
    resource: outcome.resource.name ?? '',
    messageId: outcome.messageId,
    evidence: outcome.evidence,
  }));
}

function matches(actual: ExpectedResult, expected: ExpectedResult): boolean {
  return (
    actual.status === expected.status &&
    (expected.resource === undefined || actual.resource === expected.resource) &&
    (expected.messageId === undefined || actual.messageId === expected.messageId) &&
    (expected.evidence === undefined || (actual.evidence ?? '').includes(expected.evidence))
  );
}

describe('every check has a complete fixture table', () => {
  it.each(checks.map((check) => [check.id, check] as const))('%s', (_id, check) => {
    expect(fixtureProblems(check, tables.get(check.id))).toEqual([]);
  });
});

describe.each(checks.filter((check) => tables.has(check.id)).map((check) => [check.id, check] as const))(
  '%s',
  (_id, check) => {
    it.each((tables.get(check.id) ?? []).map((fixture) => [fixture.name, fixture] as const))(
      '%s',
      (_name, fixture) => {
        const actual = outcomeOf(check, fixture);
        expect(actual).toHaveLength(fixture.expect.length);
        const unmatched = [...actual];
        for (const expected of fixture.expect) {
          const index = unmatched.findIndex((candidate) => matches(candidate, expected));
          expect(
            index,
            `expected ${JSON.stringify(expected)} among ${JSON.stringify(unmatched)}`,
          ).toBeGreaterThanOrEqual(0);
          unmatched.splice(index, 1);
        }
      },
    );
  },
);
