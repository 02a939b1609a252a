import { defineFixtures, ec2Instance, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'an instance with a profile passes and names it',
    given: (inv) =>
      inv.ec2.instances.push(
        ec2Instance({ iamInstanceProfileArn: 'arn:aws:iam::111111111111:instance-profile/shop-app' }),
      ),
    expect: [{ status: 'pass', evidence: 'instance profile shop-app' }],
  },
  {
    name: 'an instance without a profile fails',
    given: (inv) => inv.ec2.instances.push(ec2Instance({ name: 'legacy-ftp-gateway' })),
    expect: [{ status: 'fail', resource: 'legacy-ftp-gateway' }],
  },
  {
    name: 'a stopped instance is out of scope',
    given: (inv) => inv.ec2.instances.push(ec2Instance({ state: 'stopped' })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable instances are an error',
    given: (inv) => gap(inv, 'ec2.instances'),
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
