import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';

/** Performance Insights is not offered on the smallest burstable classes. */
const UNSUPPORTED_CLASS = /^db\.t\d+g?\.(micro|small)$/;

export default defineCheck({
  id: 'rds-performance-insights',
  title: 'Database instances record query load with Performance Insights',
  area: 'database-ha',
  pillar: 'performance',
  severity: 'low',
  description:
    'Performance Insights (the basis of CloudWatch Database Insights) records database load by wait event, SQL statement, host and user. Without it, the cause of a slowdown or a failover under load can only be guessed after the fact. Seven days of history are free.',
  needs: ['rds.instances'],
  wellArchitected: [
    {
      question: 'data-management',
      choice: 'perf_data_collect_record_data_store_performance_metrics',
      bestPractice: 'PERF03-BP03',
    },
    {
      question: 'monitor-aws-resources',
      choice: 'rel_monitor_aws_resources_monitor_resources',
      bestPractice: 'REL06-BP01',
    },
  ],
  remediation: {
    summary:
      'Turn on Performance Insights (Database Insights standard mode) with the free seven-day retention.',
    steps: [
      'Enable Performance Insights on each instance; it applies without a restart on current engine versions.',
      'Keep the default seven-day retention, or choose longer retention (Database Insights advanced mode) for production.',
      'Give the operations team pi:GetResourceMetrics and pi:DescribeDimensionKeys.',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --enable-performance-insights --performance-insights-retention-period 7 --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html',
  evaluate: (inventory) =>
    inventory.rds.instances.map((db) => {
      if (UNSUPPORTED_CLASS.test(db.instanceClass)) {
        return notApplicable(
          db,
          `Performance Insights is not offered for ${db.instanceClass} (${db.identifier})`,
        );
      }
      return db.performanceInsightsEnabled
        ? pass(db, `${db.engine} instance ${db.identifier} records load with Performance Insights`)
        : fail(
            db,
            `${db.engine} instance ${db.identifier} (${db.instanceClass}) has Performance Insights off`,
          );
    }),
});
