import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { refOf } from '../_lib/_resource-ref.ts';
import { describeDatabase, engineFamily, judgeDatabases, majorVersion, type Database } from '../_lib/_rds.ts';
import { whereEqual } from '../_lib/_index.ts';

/** The parameter that makes the server refuse unencrypted connections, per engine family. */
const TLS_PARAMETER: Partial<Record<ReturnType<typeof engineFamily>, string>> = {
  mysql: 'require_secure_transport',
  postgres: 'rds.force_ssl',
  sqlserver: 'rds.force_ssl',
};
const ON_VALUES = new Set(['1', 'on', 'true']);

/** RDS for PostgreSQL 15 and later ship with rds.force_ssl=1; every other engine default accepts plain text. */
function onByDefault(db: Database): boolean {
  return db.engine === 'postgres' && Number(majorVersion(db.engine, db.engineVersion)) >= 15;
}

function judge(inventory: Inventory, db: Database) {
  const parameter = TLS_PARAMETER[engineFamily(db.engine)];
  if (!parameter) {
    return notApplicable(db, `${db.engine} enforces TLS through its option group, not a parameter`);
  }
  const kind = db.kind;
  const groupName = kind === 'instance' ? db.parameterGroups[0] : db.parameterGroup;
  if (!groupName)
    return missingData(refOf(db), `no ${kind} parameter group is recorded for ${db.identifier}`);
  const group = whereEqual(inventory.rds.parameterGroups, {
    name: groupName,
    kind,
    accountId: db.accountId,
    region: db.region,
  })[0];
  const value = group?.parameters[parameter];
  if (!group && !groupName.startsWith('default.')) {
    return missingData(
      refOf(db),
      `${kind} parameter group ${groupName} of ${db.identifier} was not collected`,
    );
  }
  const enforced = value === undefined ? onByDefault(db) : ON_VALUES.has(value.toLowerCase());
  const source =
    value === undefined
      ? `${groupName} leaves ${parameter} at the engine default (${onByDefault(db) ? 'on' : 'off'})`
      : `${parameter}=${value} in ${groupName}`;
  return enforced
    ? pass(db, `${describeDatabase(db)} refuses unencrypted connections: ${source}`)
    : fail(db, `${describeDatabase(db)} accepts unencrypted connections: ${source}`, {
        details: { parameter, parameterGroup: groupName },
      });
}

export default defineCheck({
  id: 'rds-in-transit-encryption',
  title: 'Databases refuse connections that are not encrypted with TLS',
  area: 'encryption',
  pillar: 'security',
  severity: 'high',
  description:
    'RDS and Aurora offer TLS on every endpoint, but clients may still connect in plain text unless the parameter group requires TLS: require_secure_transport for MySQL, MariaDB and Aurora MySQL, rds.force_ssl for PostgreSQL and SQL Server. Default parameter groups cannot be changed, and except for RDS for PostgreSQL 15 and later they do not require TLS.',
  needs: ['rds.instances', 'rds.clusters', 'rds.parameterGroups'],
  wellArchitected: [
    {
      question: 'protect-data-transit',
      choice: 'sec_protect_data_transit_encrypt',
      bestPractice: 'SEC09-BP02',
    },
  ],
  remediation: {
    summary:
      'Attach a custom parameter group that requires TLS, after checking every client connects with TLS.',
    steps: [
      'Find clients that connect without TLS (MySQL: performance_schema.status_by_thread Ssl_version; PostgreSQL: pg_stat_ssl) and configure them with the RDS CA bundle.',
      'Create a custom DB parameter group (DB cluster parameter group for Aurora and Multi-AZ clusters) of the same family.',
      'Set require_secure_transport=1 (MySQL family) or rds.force_ssl=1 (PostgreSQL, SQL Server).',
      'Attach the group to the instance or cluster; attaching a new group needs a reboot in the next maintenance window.',
    ],
    snippet:
      'aws rds create-db-parameter-group --db-parameter-group-name <db>-tls --db-parameter-group-family mysql8.0 --description "TLS required"\naws rds modify-db-parameter-group --db-parameter-group-name <db>-tls --parameters "ParameterName=require_secure_transport,ParameterValue=1,ApplyMethod=immediate"\naws rds modify-db-instance --db-instance-identifier <db> --db-parameter-group-name <db>-tls\naws rds reboot-db-instance --db-instance-identifier <db>',
    effort: 'medium',
    downtime: true,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html',
  evaluate: (inventory) => judgeDatabases(inventory, (db) => judge(inventory, db)),
});
