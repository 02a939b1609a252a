import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { judgeProduction } from '../_lib/_environment.ts';

export default defineCheck({
  id: 'rds-enhanced-monitoring',
  title: 'Production database instances report operating-system metrics with Enhanced Monitoring',
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'low',
  description:
    'CloudWatch shows RDS metrics per minute from the hypervisor. Enhanced Monitoring adds operating-system metrics (CPU steal, memory, swap, disk queue, per-process use) at up to one-second granularity, which is what explains a failover or a stall in production.',
  needs: ['rds.instances', 'accounts'],
  wellArchitected: [
    {
      question: 'monitor-aws-resources',
      choice: 'rel_monitor_aws_resources_monitor_resources',
      bestPractice: 'REL06-BP01',
    },
    {
      question: 'withstand-component-failures',
      choice: 'rel_withstand_component_failures_monitoring_health',
      bestPractice: 'REL11-BP01',
    },
  ],
  remediation: {
    summary: 'Turn on Enhanced Monitoring at 60 seconds or finer with the rds-monitoring-role.',
    steps: [
      'Create the monitoring role once per account (trust monitoring.rds.amazonaws.com, policy AmazonRDSEnhancedMonitoringRole).',
      'Set a monitoring interval of 60 seconds (15 or less for the busiest databases); no restart is needed.',
      'Alarm on the OS metrics that matter (freeable memory, swap use, disk queue depth).',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --monitoring-interval 60 --monitoring-role-arn arn:aws:iam::<account-id>:role/rds-monitoring-role --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html',
  evaluate: (inventory) =>
    inventory.rds.instances.map((db) =>
      judgeProduction(inventory, db, db.identifier, () =>
        db.monitoringIntervalSeconds > 0
          ? pass(
              db,
              `production instance ${db.identifier} sends OS metrics every ${db.monitoringIntervalSeconds} s`,
            )
          : fail(db, `production instance ${db.identifier} (${db.engine}) has Enhanced Monitoring off`),
      ),
    ),
});
