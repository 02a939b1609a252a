import type { LoadedCheck } from '../../src/engine/loader.ts';
import type { FixtureCase } from './kit.ts';

export function fixturesPath(check: Pick<LoadedCheck, 'source'>): string {
  return check.source.replace(/\.[cm]?[jt]s$/, '.fixtures.ts');
}

const REQUIRED_STATUSES = ['pass', 'fail', 'not_applicable', 'error'] as const;

/** A built-in check must ship a fixture table covering every status, including a coverage gap. */
export function fixtureProblems(
  check: Pick<LoadedCheck, 'id' | 'builtin'>,
  table: FixtureCase[] | undefined,
): string[] {
  if (!check.builtin) return [];
  if (!table) return [`${check.id}: no fixture table (${check.id}.fixtures.ts beside the check)`];
  const statuses = new Set(table.flatMap((fixture) => fixture.expect.map((expected) => expected.status)));
  return REQUIRED_STATUSES.filter((status) => !statuses.has(status)).map(
    (status) => `${check.id}: no fixture case expects a ${status} result`,
  );
}
