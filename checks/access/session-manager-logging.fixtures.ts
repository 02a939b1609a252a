import { defineFixtures, ec2Instance, gap, sessionPreferences } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'logging to S3 and CloudWatch passes',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      inv.ssm.sessionPreferences.push(
        sessionPreferences({ s3BucketName: 'session-logs', cloudWatchLogGroupName: '/ssm/sessions' }),
      );
    },
    expect: [{ status: 'pass', evidence: 'S3 bucket session-logs and CloudWatch log group /ssm/sessions' }],
  },
  {
    name: 'preferences without a destination fail',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ name: 'web-1' }));
      inv.ssm.sessionPreferences.push(sessionPreferences());
    },
    expect: [{ status: 'fail', evidence: 'configured without a log destination: sessions to web-1' }],
  },
  {
    name: 'a region with instances and no recorded preferences runs on the defaults and fails',
    given: (inv) => inv.ec2.instances.push(ec2Instance({ name: 'jenkins' })),
    expect: [
      {
        status: 'fail',
        resource: 'SSM-SessionManagerRunShell',
        evidence: 'preferences in workload (111111111111) eu-west-1 are not configured: sessions to jenkins',
      },
    ],
  },
  {
    name: 'a region without running instances is out of scope',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance({ state: 'stopped' }));
      inv.ssm.sessionPreferences.push(sessionPreferences({ configured: false }));
    },
    expect: [{ status: 'not_applicable', evidence: 'no running instances' }],
  },
  {
    name: 'unreadable preferences are an error, not the defaults',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      gap(inv, 'ssm.sessionPreferences');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
