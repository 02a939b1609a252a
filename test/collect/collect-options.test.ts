import { describe, expect, it } from 'vitest';
import { collectOptionsFromArgs, type CollectionArgs } from '../../src/cli/collect-options.ts';
import { snapshotPath } from '../../src/cli/collect.ts';
import { buildIamPolicy } from '../../src/collect/iam-policy.ts';
import { collectorsFor } from '../../src/collect/registry.ts';

describe('collectOptionsFromArgs', () => {
  it.each([
    { args: { regions: ['eu-west'] }, message: '--regions: "eu-west" is not a region name' },
    {
      args: { 'session-duration': 60 },
      message: '--session-duration: 60 must be a whole number from 900 to 43200',
    },
    { args: { concurrency: 0 }, message: '--concurrency: 0 must be a whole number from 1 to 1000' },
    { args: { 'role-name': 'bad role' }, message: '--role-name: "bad role" is not an IAM role name' },
  ])('$args → $message', ({ args, message }) => {
    expect(() => collectOptionsFromArgs(args as CollectionArgs, { workload: 'w' })).toThrow(message);
  });

  it('reports every problem at once', () => {
    expect(() => collectOptionsFromArgs({ regions: ['x'], 'max-attempts': 99 }, { workload: 'w' })).toThrow(
      /--regions.*\n--max-attempts/s,
    );
  });

  it('flags win over the config scope, which wins over defaults', () => {
    const options = collectOptionsFromArgs(
      { regions: ['eu-west-1,eu-central-1'], 'request-timeout': 5, concurrency: 16 },
      {
        workload: 'acme',
        needs: ['rds.instances'],
        scope: { regions: ['us-east-1'], organization: true, roleName: 'Audit', externalId: 'x-1' },
      },
    );
    expect(options).toMatchObject({
      workload: 'acme',
      regions: ['eu-west-1', 'eu-central-1'],
      org: true,
      roleName: 'Audit',
      externalId: 'x-1',
      needs: ['rds.instances'],
      concurrency: { global: 16 },
      requestTimeoutMs: 5000,
    });
  });
});

describe('snapshotPath', () => {
  it.each([
    { out: 'scans', file: /scans\/inventory\.json\.gz$/ },
    { out: 'scans/acme.json.gz', file: /scans\/acme\.json\.gz$/ },
    { out: 'acme.json', file: /acme\.json$/ },
    { out: undefined, file: /\/inventory\.json\.gz$/ },
  ])('--out $out', ({ out, file }) => {
    expect(snapshotPath(out)).toMatch(file);
  });
});

describe('buildIamPolicy', () => {
  it.each([
    {
      needs: ['rds.instances'],
      org: false,
      has: ['rds:DescribeDBInstances', 'sts:GetCallerIdentity'],
      lacks: ['ec2:DescribeInstances', 'organizations:ListPolicies'],
    },
    {
      needs: ['ec2.subnets'],
      org: false,
      has: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
      lacks: ['s3:GetBucketPolicy'],
    },
    {
      needs: ['organization'],
      org: true,
      has: ['organizations:ListPolicies', 'organizations:ListTargetsForPolicy'],
      lacks: ['kms:ListKeys'],
    },
    {
      needs: ['accounts'],
      org: true,
      has: ['organizations:ListAccountsForParent'],
      lacks: ['organizations:ListPolicies'],
    },
  ])('$needs (org $org) asks only for what those parts read', ({ needs, org, has, lacks }) => {
    const actions = buildIamPolicy({ needs, org, roleName: 'Audit' }).Statement[0]?.Action as string[];
    for (const action of has) expect(actions).toContain(action);
    for (const action of lacks) expect(actions).not.toContain(action);
  });

  it('covers every collector when no checks narrow it', () => {
    const actions = buildIamPolicy({ org: false, roleName: 'Audit' }).Statement[0]?.Action as string[];
    expect(actions).toEqual([...new Set(actions)].sort());
    for (const collector of collectorsFor(undefined))
      for (const action of collector.actions) expect(actions).toContain(action);
  });
});
