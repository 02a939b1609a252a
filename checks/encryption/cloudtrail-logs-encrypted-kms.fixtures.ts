import { defineFixtures, gap, trail } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a trail with a KMS key passes',
    given: (inv) =>
      inv.cloudtrail.trails.push(trail({ kmsKeyId: 'alias/org-cloudtrail', s3BucketName: 'org-trail-logs' })),
    expect: [{ status: 'pass', evidence: 'in bucket org-trail-logs with alias/org-cloudtrail' }],
  },
  {
    name: 'a trail without a KMS key fails',
    given: (inv) => inv.cloudtrail.trails.push(trail({ kmsKeyId: null })),
    expect: [{ status: 'fail', resource: 'org-trail', evidence: 'SSE-S3 only' }],
  },
  {
    name: 'the copy of a multi-Region trail in another Region is judged in its home Region',
    given: (inv) => inv.cloudtrail.trails.push(trail({ region: 'eu-central-1', homeRegion: 'eu-west-1' })),
    expect: [{ status: 'not_applicable', evidence: 'copy of the trail from eu-west-1' }],
  },
  {
    name: 'unreadable trails are an error, not a pass',
    given: (inv) => {
      inv.cloudtrail.trails.push(trail({ kmsKeyId: 'alias/x' }));
      gap(inv, 'cloudtrail.trails');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
