import { bucket, defineFixtures, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a TLS-only policy passes',
    given: (inv) => inv.s3.buckets.push(bucket({ tlsOnlyPolicy: true })),
    expect: [{ status: 'pass', resource: 'shop-assets' }],
  },
  {
    name: 'no TLS-only statement fails',
    given: (inv) => inv.s3.buckets.push(bucket({ name: 'shop-dev-session-logs', tlsOnlyPolicy: false })),
    expect: [{ status: 'fail', resource: 'shop-dev-session-logs', evidence: 'accepts plain HTTP' }],
  },
  {
    name: 'a bucket outside the reviewed Regions is not judged',
    given: (inv) => inv.s3.buckets.push(bucket({ region: 'ap-southeast-2', tlsOnlyPolicy: false })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable buckets are an error, not a pass',
    given: (inv) => {
      inv.s3.buckets.push(bucket({ tlsOnlyPolicy: true }));
      gap(inv, 's3.buckets');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
