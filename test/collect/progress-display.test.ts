import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressDisplay, type ProgressMode } from '../../src/collect/progress-display.ts';
import type { ProgressEvent } from '../../src/collect/progress.ts';

const call = (attempt: number): ProgressEvent => ({
  type: 'call',
  call: {
    service: 'EC2',
    operation: 'DescribeInstances',
    accountId: '111111111111',
    region: 'eu-west-1',
    attempt,
  },
});

const EVENTS: ProgressEvent[] = [
  { type: 'scope', accounts: 1, regions: ['eu-west-1'], tasks: 2 },
  call(1),
  call(2),
  { type: 'task-done', accountId: '111111111111', region: 'eu-west-1', part: 'ec2.instances', items: 3 },
  {
    type: 'gap',
    gap: {
      part: 'kms.keys',
      accountId: '111111111111',
      region: 'eu-west-1',
      reason: 'access-denied',
      message: 'denied',
      operation: 'kms:ListKeys',
    },
  },
  { type: 'task-done', accountId: '111111111111', region: 'eu-west-1', part: 'kms.keys', items: 0 },
  { type: 'account-done', accountId: '111111111111' },
  {
    type: 'done',
    summary: {
      accounts: 1,
      regions: 1,
      tasks: 2,
      calls: 1,
      retries: 1,
      resources: 3,
      gaps: 1,
      elapsedMs: 1500,
    },
  },
];

function render(mode: ProgressMode): string[] {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  const display = createProgressDisplay(mode, stream);
  for (const event of EVENTS) display.sink(event);
  display.stop();
  return text.split('\n').filter(Boolean);
}

describe('progress display', () => {
  it('in a pipe or CI: one plain line per milestone and per gap', () => {
    expect(render('lines')).toEqual([
      'collect: 1 account(s) × 1 region(s) (eu-west-1), 2 parts to read',
      'collect: 50% (1/2 parts, 1 calls, 1 retries)',
      'collect: gap: could not read kms.keys in 111111111111 (eu-west-1): access-denied [kms:ListKeys]: denied',
      'collect: account 111111111111 done (1/1)',
      'collect: done: 3 resources from 1 account(s) × 1 region(s) in 1.5 s: 1 API calls, 1 retries, 1 coverage gap(s)',
    ]);
  });

  it('--json-log: one JSON object per event except single calls, with running call counts', () => {
    const lines = render('json').map(
      (line) => JSON.parse(line) as { type: string; calls: number; retries: number },
    );
    expect(lines.map((line) => line.type)).toEqual([
      'scope',
      'task-done',
      'gap',
      'task-done',
      'account-done',
      'done',
    ]);
    expect(lines[1]).toMatchObject({ calls: 1, retries: 1, part: 'ec2.instances' });
  });

  it('--quiet: nothing', () => {
    expect(render('quiet')).toEqual([]);
  });
});
