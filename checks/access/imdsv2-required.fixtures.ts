import { defineFixtures, ec2Instance, gap } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'IMDSv2 required passes',
    given: (inv) => inv.ec2.instances.push(ec2Instance({ imdsHttpTokens: 'required' })),
    expect: [{ status: 'pass', evidence: 'requires IMDSv2' }],
  },
  {
    name: 'a disabled metadata endpoint passes',
    given: (inv) =>
      inv.ec2.instances.push(ec2Instance({ imdsHttpTokens: 'optional', imdsHttpEndpoint: 'disabled' })),
    expect: [{ status: 'pass', evidence: 'disabled' }],
  },
  {
    name: 'IMDSv1 on an instance with a role fails',
    given: (inv) =>
      inv.ec2.instances.push(
        ec2Instance({
          name: 'bastion-prod',
          imdsHttpTokens: 'optional',
          iamInstanceProfileArn: 'arn:aws:iam::111111111111:instance-profile/app',
        }),
      ),
    expect: [
      {
        status: 'fail',
        resource: 'bastion-prod',
        evidence: 'accepts IMDSv1 (HttpTokens optional): its role credentials',
      },
    ],
  },
  {
    name: 'a terminated instance is out of scope',
    given: (inv) => inv.ec2.instances.push(ec2Instance({ state: 'terminated', imdsHttpTokens: 'optional' })),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable instances are an error',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance());
      gap(inv, 'ec2.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
