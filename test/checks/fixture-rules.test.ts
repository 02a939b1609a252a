import { describe, expect, it } from 'vitest';
import { fixtureProblems } from './fixture-rules.ts';

describe('fixtureProblems', () => {
  const builtin = { id: 'example-check', builtin: true };
  it.each([
    [
      'a check without a fixture table is rejected',
      undefined,
      ['example-check: no fixture table (example-check.fixtures.ts beside the check)'],
    ],
    [
      'a table without a coverage-gap case is rejected',
      [
        {
          name: 'x',
          given: () => {},
          expect: [
            { status: 'pass' as const },
            { status: 'fail' as const },
            { status: 'not_applicable' as const },
          ],
        },
      ],
      ['example-check: no fixture case expects a error result'],
    ],
    [
      'a complete table passes',
      ['pass', 'fail', 'not_applicable', 'error'].map((status) => ({
        name: status,
        given: () => {},
        expect: [{ status: status as 'pass' }],
      })),
      [],
    ],
  ])('%s', (_name, table, problems) => {
    expect(fixtureProblems(builtin, table)).toEqual(problems);
  });

  it('user checks from --checks-dir need no fixtures', () => {
    expect(fixtureProblems({ id: 'mine', builtin: false }, undefined)).toEqual([]);
  });
});
