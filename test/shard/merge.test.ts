import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { writeInventory } from '../../src/inventory/store.ts';
import { mergeShards, type ShardPart } from '../../src/shard/merge.ts';
import { parseShard, shareOf } from '../../src/shard/shard.ts';
import { MANAGEMENT, PROD, SANDBOX } from '../aws/fake/org-estate.ts';
import { collect, startFakeAws } from '../collect/harness.ts';
import { runCli } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const checks = await loadChecks();
const NOW = new Date('2026-11-02T00:00:00Z');

function outcomes(inventory: Inventory): Record<string, string> {
  const results = evaluateChecks(checks, inventory, { now: NOW }).results;
  return Object.fromEntries(results.map((result) => [result.findingKey, result.status]));
}

/** Refusals need only the shard bookkeeping, so those tests read one small part. */
const SMALL = { needs: ['iam.accountSummaries'] };

async function collectShards(count: number, options = {}): Promise<ShardPart[]> {
  const parts: ShardPart[] = [];
  for (let index = 1; index <= count; index += 1) {
    const { inventory } = await collect({ ...options, shard: { index, count } });
    parts.push({ source: `shard-${index}.json.gz`, inventory });
  }
  return parts;
}

describe('parseShard', () => {
  it.each([
    ['2/4', {}, { index: 2, count: 4 }],
    ['auto/4', { JOB_COMPLETION_INDEX: '0' }, { index: 1, count: 4 }],
    ['auto/3', { AWS_BATCH_JOB_ARRAY_INDEX: '2' }, { index: 3, count: 3 }],
    ['auto', { JOB_COMPLETION_INDEX: '1', WAREVIEW_SHARD_COUNT: '2' }, { index: 2, count: 2 }],
  ])('%s with %o is shard %o', (value, env, expected) => {
    expect(parseShard(value, env)).toEqual(expected);
  });

  it.each([
    ['5/4', {}, /not a shard of the form I\/N/],
    ['0/4', {}, /not a shard of the form I\/N/],
    ['two', {}, /not a shard of the form I\/N/],
    ['auto/4', {}, /neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is set/],
    ['auto', { JOB_COMPLETION_INDEX: '0' }, /not a shard of the form I\/N/],
    ['auto/2', { JOB_COMPLETION_INDEX: '2' }, /not a shard of the form I\/N/],
  ])('refuses %s with %o', (value, env, message) => {
    expect(() => parseShard(value, env)).toThrow(message);
  });

  it('gives every account to exactly one shard, whatever order the accounts arrive in', () => {
    const accounts = ['000000000005', '000000000001', '000000000004', '000000000003', '000000000002'].map(
      (id) => ({ id }),
    );
    const shares = [1, 2, 3].map((index) => shareOf(accounts, { index, count: 3 }).map((a) => a.id));
    expect(shares).toEqual([
      ['000000000001', '000000000004'],
      ['000000000002', '000000000005'],
      ['000000000003'],
    ]);
    expect(shareOf([...accounts].reverse(), { index: 2, count: 3 }).map((a) => a.id)).toEqual(shares[1]);
  });
});

describe('sharded scans of an organization through the real SDK clients', () => {
  it('four shards merged evaluate exactly as one unsharded scan', async () => {
    await startFakeAws();
    const { inventory: whole } = await collect();
    const parts = await collectShards(4);
    expect(parts.map((part) => part.inventory.scope.accounts)).toEqual([[MANAGEMENT], [PROD], [SANDBOX], []]);
    const merged = mergeShards(parts);
    expect(merged).toEqual(whole);
    const expected = outcomes(whole);
    expect(Object.keys(expected).length).toBeGreaterThan(50);
    expect(outcomes(merged)).toEqual(expected);
  });

  it('reads the SCPs and account tags in shard 1 only; the other shards list the accounts and nothing more', async () => {
    const fake = await startFakeAws();
    await collectShards(2);
    const calls = (operation: string) =>
      fake.calls.filter((call) => call.client === 'Organizations' && call.operation === operation).length;
    expect(calls('ListPolicies')).toBe(1);
    // Once per account of the organization (four, the suspended one too), all in shard 1.
    expect(calls('ListTagsForResource')).toBe(4);
    expect(calls('DescribeOrganization')).toBe(2);
  });

  it.each([
    ['a missing shard', [1, 2, 4], /merge refused: shard 3\/4 missing: 3 of 4 given/],
    [
      'a duplicated shard',
      [1, 2, 2, 3, 4],
      /merge refused: shard 2\/4 is given twice \(shard-2.json.gz, shard-2.json.gz\)/,
    ],
  ])('refuses %s', async (_name, indexes, message) => {
    await startFakeAws();
    const parts = await collectShards(4, SMALL);
    expect(() => mergeShards(indexes.map((index) => parts[index - 1]!))).toThrow(message);
  });

  it('refuses shards of another organization or an unsharded snapshot', async () => {
    await startFakeAws();
    const parts = await collectShards(2, SMALL);
    const { inventory: whole } = await collect(SMALL);
    const otherOrganization = structuredClone(parts[1]!);
    otherOrganization.inventory.organization!.id = 'o-other';
    expect(() => mergeShards([parts[0]!, otherOrganization])).toThrow(
      /shard-2.json.gz differ from shard-1.json.gz in the organization/,
    );
    expect(() => mergeShards([...parts, { source: 'whole.json.gz', inventory: whole }])).toThrow(
      /whole.json.gz is not a partial snapshot/,
    );
  });

  it('wareview merge writes the joined snapshot, and refuses an incomplete set with exit 2 and no file', async () => {
    await startFakeAws();
    const dir = tempDir();
    const parts = await collectShards(2, SMALL);
    const paths = await Promise.all(
      parts.map(async (part, position) => {
        const path = join(dir, `inventory-shard-${position + 1}-of-2.json.gz`);
        await writeInventory(path, part.inventory);
        return path;
      }),
    );
    const refused = await runCli(['merge', paths[0]!, '--out', join(dir, 'merged.json.gz')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('merge refused: shard 2/2 missing');
    const merged = await runCli(['merge', ...paths, '--out', join(dir, 'merged.json.gz')]);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/merged\.json\.gz: 2 shards, 3 account\(s\)/);
  });
});
