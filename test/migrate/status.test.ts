import { describe, expect, it } from 'vitest';
import { emptyRunState, type RunState } from '../../src/migrate/run/state.ts';
import { formatMigrationStatus, migrationStatus } from '../../src/migrate/run/status.ts';
import { localPlan } from './run-plan-fixture.ts';

const plan = localPlan({
  sourceUrl: 'mysql://root@127.0.0.1:33061/shop',
  targetUrl: 'mysql://root@127.0.0.1:33062/shop',
  databases: ['shop'],
});

const dumped: RunState = {
  ...emptyRunState('plan.json'),
  completed: ['dump'],
  dump: {
    dir: 'plan.dump',
    coordinates: { file: 'mariadb-bin.000003', position: 4711 },
    toolVersion: '0.10.0',
    seconds: 12.5,
  },
  load: {
    tables: {
      'shop.orders': { status: 'indexed', chunksDone: ['1', '2'] },
      'shop.visits': { status: 'loading', chunksDone: ['1'] },
    },
    objectsDone: false,
    childPids: [],
    connectionIds: [],
  },
};

describe('migrate status', () => {
  it.each([
    ['a run not started', emptyRunState('plan.json'), 'dump', /steps: · dump/],
    ['a run killed during the load', dumped, 'load', /load: 1\/2 tables loaded, 1 indexed, 3 chunks done/],
    [
      'a caught-up run',
      {
        ...dumped,
        completed: ['dump', 'load', 'replicate', 'caught-up'],
        replicate: { configuredAt: '2026-11-27T03:00:00Z' },
        caughtUp: {
          at: '2026-11-27T03:05:00Z',
          sourceFile: 'mariadb-bin.000003',
          sourcePosition: 9000,
          seconds: 42,
        },
      } satisfies RunState,
      null,
      /caught up at 2026-11-27T03:05:00Z after 42.0 s/,
    ],
  ])('%s', (_name, state, next, text) => {
    const status = migrationStatus(plan, state);
    expect(status.next).toBe(next);
    expect(formatMigrationStatus(status)).toMatch(text);
  });

  it('judges live lag by applied position, not Seconds_Behind_Master', () => {
    const status = migrationStatus(
      plan,
      { ...dumped, replicate: { configuredAt: '2026-11-27T03:00:00Z' } },
      {
        replica: {
          ioRunning: true,
          sqlRunning: true,
          secondsBehind: 433,
          readFile: 'mariadb-bin.000003',
          readPosition: 9000,
          executedFile: 'mariadb-bin.000003',
          executedPosition: 8000,
          lastError: '',
        },
        source: { file: 'mariadb-bin.000003', position: 9000 },
      },
    );
    expect(status.replication?.live?.lagBytes).toBe(1000);
    expect(formatMigrationStatus(status)).toContain('behind by 1000 bytes');
  });
});
