import { defineFixtures, ec2Instance, gap, sessionPreferences } from '../../test/checks/kit.ts';

const key = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export default defineFixtures([
  {
    name: 'a KMS key in the preferences passes',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      inv.ssm.sessionPreferences.push(sessionPreferences({ kmsKeyId: key }));
    },
    expect: [{ status: 'pass', evidence: `KMS key ${key}` }],
  },
  {
    name: 'no KMS key fails',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ name: 'web-1' }));
      inv.ssm.sessionPreferences.push(sessionPreferences({ s3BucketName: 'logs' }));
    },
    expect: [{ status: 'fail', evidence: 'has no KMS key: sessions to web-1' }],
  },
  {
    name: 'preferences of a region without running instances are out of scope',
    given: (inv) => inv.ssm.sessionPreferences.push(sessionPreferences()),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable preferences are an error',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      gap(inv, 'ssm.sessionPreferences');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
