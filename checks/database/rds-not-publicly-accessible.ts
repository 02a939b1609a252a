import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';

const GONE_STATUSES = new Set(['deleting', 'deleted']);

export default defineCheck({
  id: 'rds-not-publicly-accessible',
  title: 'Database instances are not reachable from the internet',
  area: 'database-ha',
  pillar: 'security',
  severity: 'high',
  description:
    'A publicly accessible instance gets a DNS name that resolves to a public IP address; in a public subnet, only its security group stands between the database port and the whole internet, where database ports are scanned and brute-forced around the clock.',
  needs: ['rds.instances'],
  wellArchitected: [
    {
      question: 'network-protection',
      choice: 'sec_network_protection_create_layers',
      bestPractice: 'SEC05-BP01',
    },
    {
      question: 'network-protection',
      choice: 'sec_network_protection_layered',
      bestPractice: 'SEC05-BP02',
    },
  ],
  remediation: {
    summary: 'Turn public accessibility off and reach the database through private networking.',
    steps: [
      'Find who connects from outside the VPC (VPC flow logs, database connection logs) and give them a private path: VPN, Direct Connect, SSM port forwarding or RDS Proxy.',
      'Modify the instance to be not publicly accessible; the endpoint then resolves to its private address.',
      "Move the DB subnet group to private subnets and narrow the security group to the application's groups.",
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --no-publicly-accessible --apply-immediately',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
  evaluate: (inventory) =>
    inventory.rds.instances.map((db) => {
      if (GONE_STATUSES.has(db.status)) return notApplicable(db, `${db.identifier} is ${db.status}`);
      return db.publiclyAccessible
        ? fail(db, `${db.engine} instance ${db.identifier} in ${db.region} is publicly accessible`)
        : pass(db, `${db.engine} instance ${db.identifier} has no public endpoint`);
    }),
});
