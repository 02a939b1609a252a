import { defineFixtures, gap, parameterGroup, rdsCluster, rdsInstance } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'require_secure_transport=1 in the instance parameter group passes',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ parameterGroups: ['orders-mysql80'] }));
      inv.rds.parameterGroups.push(parameterGroup({ parameters: { require_secure_transport: '1' } }));
    },
    expect: [{ status: 'pass', evidence: 'require_secure_transport=1 in orders-mysql80' }],
  },
  {
    name: 'require_secure_transport=0 fails',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ parameterGroups: ['orders-mysql80'] }));
      inv.rds.parameterGroups.push(parameterGroup({ parameters: { require_secure_transport: '0' } }));
    },
    expect: [{ status: 'fail', resource: 'orders-db', evidence: 'accepts unencrypted connections' }],
  },
  {
    name: 'an Aurora MySQL cluster on the default cluster parameter group fails',
    given: (inv) => inv.rds.clusters.push(rdsCluster({ parameterGroup: 'default.aurora-mysql8.0' })),
    expect: [
      {
        status: 'fail',
        resource: 'catalog-aurora',
        evidence: 'default.aurora-mysql8.0 leaves require_secure_transport at the engine default (off)',
      },
    ],
  },
  {
    name: 'RDS for PostgreSQL 16 on a default group forces TLS',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ engine: 'postgres', engineVersion: '16.4', parameterGroups: ['default.postgres16'] }),
      ),
    expect: [{ status: 'pass', evidence: 'rds.force_ssl at the engine default (on)' }],
  },
  {
    name: 'PostgreSQL 13 with rds.force_ssl=0 fails',
    given: (inv) => {
      inv.rds.instances.push(
        rdsInstance({ engine: 'postgres', engineVersion: '13.15', parameterGroups: ['sessions-pg13'] }),
      );
      inv.rds.parameterGroups.push(
        parameterGroup({ name: 'sessions-pg13', family: 'postgres13', parameters: { 'rds.force_ssl': '0' } }),
      );
    },
    expect: [{ status: 'fail', evidence: 'rds.force_ssl=0 in sessions-pg13' }],
  },
  {
    name: 'Oracle uses option groups and cluster members are judged with their cluster',
    given: (inv) =>
      inv.rds.instances.push(
        rdsInstance({ identifier: 'erp', engine: 'oracle-ee', parameterGroups: ['default.oracle-ee-19'] }),
        rdsInstance({ identifier: 'catalog-aurora-1', clusterIdentifier: 'catalog-aurora' }),
      ),
    expect: [
      { status: 'not_applicable', resource: 'erp', evidence: 'option group' },
      { status: 'not_applicable', resource: 'catalog-aurora-1' },
    ],
  },
  {
    name: 'a custom parameter group that was not collected is an error, not a pass',
    given: (inv) => inv.rds.instances.push(rdsInstance({ parameterGroups: ['orders-custom'] })),
    expect: [
      {
        status: 'error',
        messageId: 'missing-data',
        evidence: 'orders-custom of orders-db was not collected',
      },
    ],
  },
  {
    name: 'unreadable parameter groups are an error',
    given: (inv) => {
      inv.rds.instances.push(rdsInstance({ parameterGroups: ['orders-mysql80'] }));
      inv.rds.parameterGroups.push(parameterGroup());
      gap(inv, 'rds.parameterGroups');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
