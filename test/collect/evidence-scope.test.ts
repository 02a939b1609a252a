import { describe, expect, it } from 'vitest';
import { FOREIGN_OWNER, HOME, MANAGEMENT, OPT_IN, PROD } from '../aws/fake/org-estate.ts';
import { collect, startFakeAws } from './harness.ts';

describe('evidence is about what the account owns, whatever the endpoint answers', () => {
  it('drops snapshots of other accounts that came back despite OwnerIds=self, and reads "public" from one filtered list', async () => {
    const fake = await startFakeAws();
    const { inventory } = await collect({ needs: ['ec2.snapshots'] });
    expect(
      inventory.ec2.snapshots.map((snapshot) => [snapshot.snapshotId, snapshot.ownerId, snapshot.public]),
    ).toEqual([
      ['snap-0pub', MANAGEMENT, true],
      ['snap-0shared', MANAGEMENT, false],
    ]);
    expect(JSON.stringify(inventory)).not.toContain(FOREIGN_OWNER);
    const attributeReads = fake.calls.filter((call) => call.operation === 'DescribeSnapshotAttribute');
    // The public snapshot needs no per-snapshot call; the foreign ones get none either.
    expect(attributeReads.map((call) => call.params.SnapshotId)).toEqual(['snap-0shared']);
  });

  it('takes a key behind an alias/aws/ alias as AWS managed although the endpoint said CUSTOMER', async () => {
    const fake = await startFakeAws();
    const { inventory } = await collect({ needs: ['kms.keys'] });
    const rdsKey = inventory.kms.keys.find((key) => key.keyId === 'k-0003');
    expect(rdsKey).toMatchObject({ manager: 'AWS', rotationEnabled: null, aliases: ['alias/aws/rds'] });
    expect(fake.calls.filter((call) => call.params.KeyId === 'k-0003').map((call) => call.operation)).toEqual(
      ['DescribeKey'],
    );
  });
});

describe('a datum that cannot be read is a gap for that datum only', () => {
  it('keeps EBS encryption-by-default when only the default key id cannot be read', async () => {
    await startFakeAws({
      faults: [
        { kind: 'not-implemented', client: 'EC2', operation: 'GetEbsDefaultKmsKeyId', account: MANAGEMENT },
      ],
    });
    const { inventory } = await collect({ needs: ['ec2.ebsEncryptionByDefault'] });
    expect(
      inventory.ec2.ebsEncryptionByDefault
        .filter((setting) => setting.accountId === MANAGEMENT && setting.region === HOME)
        .map((setting) => [setting.enabled, setting.kmsKeyId]),
    ).toEqual([[true, null]]);
    expect(inventory.coverage.filter((gap) => gap.part === 'ec2.ebsEncryptionByDefault')).toEqual(
      [OPT_IN, HOME].map((region) => ({
        part: 'ec2.ebsEncryptionByDefault',
        accountId: MANAGEMENT,
        region,
        reason: 'error',
        message: 'The operation is not implemented.',
        operation: 'ec2:GetEbsDefaultKmsKeyId',
        resource: `arn:aws:ec2:${region}:${MANAGEMENT}:ebs-encryption-by-default`,
        attribute: 'ec2.ebsEncryptionByDefault.kmsKeyId',
        httpStatus: 501,
        hint: 'The endpoint does not offer ec2:GetEbsDefaultKmsKeyId; this datum cannot be reviewed there.',
      })),
    );
  });

  it('keeps a bucket whose policy is denied, with a gap for that bucket and that datum', async () => {
    await startFakeAws({
      faults: [{ kind: 'access-denied', client: 'S3', operation: 'GetBucketPolicy', region: OPT_IN }],
    });
    const { inventory } = await collect({ needs: ['s3.buckets'] });
    expect(inventory.s3.buckets.map((bucket) => [bucket.name, bucket.encryption?.algorithm])).toEqual([
      ['acme-public-site', 'AES256'],
      ['acme-logs', 'aws:kms'],
    ]);
    expect(inventory.coverage.filter((gap) => gap.part === 's3.buckets')).toEqual([
      {
        part: 's3.buckets',
        accountId: MANAGEMENT,
        region: OPT_IN,
        reason: 'access-denied',
        message: 'Access Denied',
        operation: 's3:GetBucketPolicy',
        resource: 'arn:aws:s3:::acme-public-site',
        attribute: 's3.buckets.tlsOnlyPolicy',
        httpStatus: 403,
        hint: 'Allow s3:GetBucketPolicy to the reviewing identity (see `wareview iam-policy`); check SCPs and resource policies that deny it.',
      },
    ]);
  });

  it('records a member account whose regions cannot be listed, and reads the requested regions there', async () => {
    await startFakeAws({
      faults: [{ kind: 'access-denied', client: 'EC2', operation: 'DescribeRegions', account: PROD }],
    });
    const { inventory } = await collect({ needs: ['ec2.volumes'] });
    expect(inventory.coverage.filter((gap) => gap.part === 'regions')).toEqual([
      expect.objectContaining({
        accountId: PROD,
        region: '*',
        reason: 'access-denied',
        operation: 'ec2:DescribeRegions',
      }),
    ]);
    expect(inventory.ec2.volumes.some((volume) => volume.accountId === PROD)).toBe(true);
  });
});

describe('gaps a user can act on', () => {
  it('names the status and the call of an HTML error page, not the parser complaint', async () => {
    const fake = await startFakeAws({
      faults: [
        {
          kind: 'html-server-error',
          client: 'KMS',
          operation: 'ListKeys',
          account: MANAGEMENT,
          region: HOME,
        },
      ],
    });
    const { inventory } = await collect({ needs: ['kms.keys'], maxAttempts: 2 });
    expect(inventory.coverage.find((gap) => gap.part === 'kms.keys')).toMatchObject({
      reason: 'error',
      message: 'HTTP 500 from KMS ListKeys',
      operation: 'kms:ListKeys',
      httpStatus: 500,
      hint: 'The service failed to answer; run the review again later.',
    });
    // A 500 may be transient: it is retried, within the attempts allowed.
    expect(
      fake.calls.filter(
        (call) => call.operation === 'ListKeys' && call.region === HOME && call.account === MANAGEMENT,
      ),
    ).toHaveLength(2);
  });

  it.each([
    { kind: 'not-implemented' as const, client: 'RDS', operation: 'DescribeDBClusters' },
    { kind: 'access-denied' as const, client: 'KMS', operation: 'ListAliases' },
    { kind: 'access-denied' as const, client: 'EC2', operation: 'DescribeVpcs' },
    { kind: 'opt-in-required' as const, client: 'EC2', operation: 'DescribeSubnets' },
  ])('does not retry a $kind answer to $client $operation', async (fault) => {
    const fake = await startFakeAws({ faults: [{ ...fault, account: MANAGEMENT, region: HOME }] });
    await collect({ maxAttempts: 5, needs: ['rds.clusters', 'kms.keys', 'ec2.vpcs', 'ec2.subnets'] });
    const sent = fake.calls.filter(
      (call) => call.operation === fault.operation && call.account === MANAGEMENT && call.region === HOME,
    );
    expect(sent).toHaveLength(1);
  });
});

describe('one list call answers two parts', () => {
  it('lists DB instances once per account and region for both instances and cluster members', async () => {
    const fake = await startFakeAws();
    const { inventory } = await collect({ needs: ['rds.instances', 'rds.clusters'] });
    expect(inventory.rds.clusters[0]?.members.map((member) => member.availabilityZone)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
    ]);
    const listings = fake.calls.filter(
      (call) =>
        call.operation === 'DescribeDBInstances' && call.account === MANAGEMENT && call.region === HOME,
    );
    // Two pages, each asked once.
    expect(listings.map((call) => call.params.Marker ?? 'first')).toEqual(['first', 'db-page-2']);
  });
});
