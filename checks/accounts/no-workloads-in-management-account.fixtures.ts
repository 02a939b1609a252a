import {
  defineFixtures,
  ec2Instance,
  gap,
  MANAGEMENT_ACCOUNT,
  organization,
  rdsCluster,
} from '../../test/checks/kit.ts';
import type { InventoryInput } from '../../src/inventory/schema.ts';

function withOrganization(inv: InventoryInput): void {
  inv.organization = organization();
  inv.accounts.push({ id: MANAGEMENT_ACCOUNT, name: 'shop-management', isManagement: true, tags: {} });
  inv.scope.accounts.push(MANAGEMENT_ACCOUNT);
}

export default defineFixtures([
  {
    name: 'an empty management account passes; member accounts are not judged',
    given: (inv) => {
      withOrganization(inv);
      inv.ec2.instances.push(ec2Instance());
    },
    expect: [{ status: 'pass', resource: 'shop-management' }],
  },
  {
    name: 'instances and clusters in the management account fail and are named',
    given: (inv) => {
      withOrganization(inv);
      inv.ec2.instances.push(
        ec2Instance({ accountId: MANAGEMENT_ACCOUNT, name: 'jenkins', instanceId: 'i-0jenkins' }),
        ec2Instance({ accountId: MANAGEMENT_ACCOUNT, instanceId: 'i-0gone', state: 'terminated' }),
      );
      inv.rds.clusters.push(rdsCluster({ accountId: MANAGEMENT_ACCOUNT, identifier: 'billing-db' }));
    },
    expect: [
      {
        status: 'fail',
        resource: 'shop-management',
        evidence: 'EC2 instance jenkins (i-0jenkins, running) in eu-west-1; aurora-mysql cluster billing-db',
      },
    ],
  },
  {
    name: 'a management account left out of the scan is never passed as empty',
    given: (inv) => {
      withOrganization(inv);
      inv.scope.accounts = ['111111111111'];
    },
    expect: [{ status: 'not_applicable', evidence: 'was not scanned, so its workloads are unknown' }],
  },
  {
    name: 'without an organization there is no management account',
    given: () => {},
    expect: [{ status: 'not_applicable', evidence: 'not in an organization' }],
  },
  {
    name: 'unreadable instances of the management account are an error',
    given: (inv) => {
      withOrganization(inv);
      gap(inv, 'ec2.instances', 'eu-west-1', MANAGEMENT_ACCOUNT);
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
