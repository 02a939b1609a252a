import { defineFixtures, gap, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a private instance passes',
    given: (inv) => inv.rds.instances.push(rdsInstance({ publiclyAccessible: false })),
    expect: [{ status: 'pass', resource: 'orders-db' }],
  },
  {
    name: 'a publicly accessible instance fails',
    given: (inv) => inv.rds.instances.push(rdsInstance({ publiclyAccessible: true })),
    expect: [{ status: 'fail', evidence: 'mysql instance orders-db in eu-west-1 is publicly accessible' }],
  },
  {
    name: 'an instance being deleted is not judged',
    given: (inv) => inv.rds.instances.push(rdsInstance({ publiclyAccessible: true, status: 'deleting' })),
    expect: [{ status: 'not_applicable', evidence: 'is deleting' }],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance());
      gap(inv, 'rds.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
