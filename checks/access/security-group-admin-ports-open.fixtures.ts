import { defineFixtures, ec2Instance, gap, openToWorld, securityGroup } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a group with only web ports open passes',
    given: (inv) =>
      inv.ec2.securityGroups.push(securityGroup({ ingress: [openToWorld(443), openToWorld(80)] })),
    expect: [{ status: 'pass', resource: 'sg-app' }],
  },
  {
    name: 'MySQL open to the internet fails and names the instances using the group',
    given: (inv) => {
      inv.ec2.securityGroups.push(securityGroup({ name: 'orders-db', ingress: [openToWorld(3306)] }));
      inv.ec2.instances.push(ec2Instance({ name: 'db-host' }));
    },
    expect: [
      {
        status: 'fail',
        evidence:
          'MySQL (3306) open to 0.0.0.0/0 in sg-app (orders-db); attached to db-host (i-0a1b2c3d4e5f60001)',
      },
    ],
  },
  {
    name: 'an all-traffic rule from ::/0 exposes every admin port',
    given: (inv) =>
      inv.ec2.securityGroups.push(
        securityGroup({ ingress: [{ protocol: '-1', fromPort: null, toPort: null, ipv6Ranges: ['::/0'] }] }),
      ),
    expect: [{ status: 'fail', evidence: 'Redis (6379) open to ::/0' }],
  },
  {
    name: 'a group without inbound rules is out of scope',
    given: (inv) => inv.ec2.securityGroups.push(securityGroup()),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable security groups are an error',
    given: (inv) => {
      inv.ec2.securityGroups.push(securityGroup({ ingress: [openToWorld(443)] }));
      gap(inv, 'ec2.securityGroups');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
