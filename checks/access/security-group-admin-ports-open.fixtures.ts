import {
  defineFixtures,
  ec2Instance,
  gap,
  openToWorld,
  prefixList,
  securityGroup,
} from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a group with only web ports open passes and says which ports were judged',
    given: (inv) =>
      inv.ec2.securityGroups.push(securityGroup({ ingress: [openToWorld(443), openToWorld(80)] })),
    expect: [{ status: 'pass', resource: 'sg-app', evidence: 'opens none of ports 22, 3389, 3306' }],
  },
  {
    name: 'SSH open to the world is never a pass',
    given: (inv) => inv.ec2.securityGroups.push(securityGroup({ ingress: [openToWorld(22)] })),
    expect: [{ status: 'fail', evidence: 'SSH (22) open to 0.0.0.0/0 in sg-app' }],
  },
  {
    name: 'a database port open through a prefix list holding ::/0 fails',
    given: (inv) => {
      inv.ec2.prefixLists = [prefixList({ cidrs: ['::/0'] })];
      inv.ec2.securityGroups.push(
        securityGroup({
          ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, prefixListIds: ['pl-0anywhere'] }],
        }),
      );
    },
    expect: [{ status: 'fail', evidence: 'PostgreSQL (5432) open to pl-0anywhere (::/0)' }],
  },
  {
    name: 'a prefix list missing from the snapshot is an error, not a pass',
    given: (inv) =>
      inv.ec2.securityGroups.push(
        securityGroup({
          ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, prefixListIds: ['pl-0unknown'] }],
        }),
      ),
    expect: [{ status: 'error', messageId: 'missing-data', evidence: 'pl-0unknown' }],
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
