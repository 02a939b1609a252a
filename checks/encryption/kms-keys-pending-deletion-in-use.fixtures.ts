import {
  bucket,
  defineFixtures,
  ebsSnapshot,
  gap,
  kmsKey,
  OTHER_ACCOUNT,
  trail,
  volume,
} from '../../test/checks/kit.ts';

const pending = () =>
  kmsKey({
    keyId: 'legacy-key',
    state: 'PendingDeletion',
    deletionDate: '2026-11-29T00:00:00.000Z',
    aliases: ['alias/catalog-legacy'],
  });

export default defineFixtures([
  {
    name: 'a key pending deletion that nothing uses passes',
    given: (inv) => {
      inv.kms.keys.push(pending());
      inv.ec2.volumes.push(volume({ kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/other-key' }));
    },
    expect: [{ status: 'pass', evidence: 'will be deleted on 2026-11-29 and no recorded resource uses it' }],
  },
  {
    name: 'references by key ARN, key id and alias are all found',
    given: (inv) => {
      const key = pending();
      inv.kms.keys.push(key);
      inv.ec2.snapshots.push(ebsSnapshot({ snapshotId: 'snap-0catalog', kmsKeyId: key.arn }));
      inv.ec2.volumes.push(volume({ volumeId: 'vol-0catalog', kmsKeyId: 'legacy-key' }));
      inv.s3.buckets.push(
        bucket({
          name: 'catalog-images',
          encryption: { algorithm: 'aws:kms', kmsKeyId: 'alias/catalog-legacy' },
        }),
      );
    },
    expect: [
      {
        status: 'fail',
        resource: 'legacy-key',
        evidence:
          'alias/catalog-legacy (legacy-key) will be deleted on 2026-11-29 but still protects EBS volume vol-0catalog, EBS snapshot snap-0catalog, S3 bucket catalog-images',
      },
    ],
  },
  {
    name: 'a trail in another account using the key counts too',
    given: (inv) => {
      inv.kms.keys.push(pending());
      inv.cloudtrail.trails.push(
        trail({
          accountId: OTHER_ACCOUNT,
          kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:alias/catalog-legacy',
        }),
      );
    },
    expect: [{ status: 'fail', evidence: 'CloudTrail trail org-trail' }],
  },
  {
    name: 'the same alias name in another account is another key',
    given: (inv) => {
      inv.kms.keys.push(pending());
      inv.ec2.volumes.push(volume({ accountId: OTHER_ACCOUNT, kmsKeyId: 'alias/catalog-legacy' }));
    },
    expect: [{ status: 'pass', evidence: 'no recorded resource uses it' }],
  },
  {
    name: 'enabled keys are out of scope',
    given: (inv) => inv.kms.keys.push(kmsKey({ state: 'Enabled' })),
    expect: [{ status: 'not_applicable', evidence: 'is Enabled' }],
  },
  {
    name: 'no reference found while some users could not be read is an error, not a pass',
    given: (inv) => {
      inv.kms.keys.push(pending());
      gap(inv, 'rds.snapshots', 'eu-west-1', OTHER_ACCOUNT);
    },
    expect: [
      {
        status: 'error',
        messageId: 'missing-data',
        evidence: 'rds.snapshots in 222222222222 eu-west-1 could not be read',
      },
      { status: 'error', messageId: 'coverage-gap' },
    ],
  },
  {
    name: 'unreadable keys are an error',
    given: (inv) => {
      inv.kms.keys.push(pending());
      gap(inv, 'kms.keys');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
