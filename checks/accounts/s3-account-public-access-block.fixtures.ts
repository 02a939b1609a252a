import { ACCOUNT, defineFixtures, gap } from '../../test/checks/kit.ts';

const allOn = {
  arn: `arn:aws:s3:::account/${ACCOUNT}`,
  accountId: ACCOUNT,
  region: 'global',
  name: ACCOUNT,
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

export default defineFixtures([
  {
    name: 'all four settings on passes',
    given: (inv) => {
      inv.s3.accountPublicAccessBlocks = [allOn];
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a partial configuration fails and names the settings that are off',
    given: (inv) => {
      inv.s3.accountPublicAccessBlocks = [
        { ...allOn, blockPublicPolicy: false, restrictPublicBuckets: false },
      ];
    },
    expect: [{ status: 'fail', evidence: 'blockPublicPolicy, restrictPublicBuckets off' }],
  },
  {
    name: 'no configuration fails',
    given: () => {},
    expect: [{ status: 'fail', resource: 'workload', evidence: 'no account-level S3 Block Public Access' }],
  },
  {
    name: 'a suspended account is out of scope',
    given: (inv) => {
      inv.accounts = [{ id: ACCOUNT, name: 'old', status: 'SUSPENDED', tags: {} }];
    },
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'an unreadable configuration is an error, not a missing one',
    given: (inv) => gap(inv, 's3.accountPublicAccessBlocks', 'global'),
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
