import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { clusterStorageMember, describeDatabase } from '../_lib/_rds.ts';
import { refOf } from '../_lib/_resource-ref.ts';

const MIN_FREE_PERCENT = 15;
/** Autoscaling stops at the maximum: an instance this close to it has little room left. */
const CEILING_SHARE = 0.9;

export default defineCheck({
  id: 'rds-storage-headroom',
  title: `RDS instances keep ${MIN_FREE_PERCENT}% storage free or grow it automatically`,
  area: 'database-ha',
  pillar: 'reliability',
  severity: 'high',
  description: `An instance that runs out of storage goes into the storage-full state and stops accepting writes. Storage autoscaling (a maximum allocated storage above the current size) grows the volume when free space drops below 10%; without it, the headroom has to be watched and grown by hand. Aurora storage grows on its own.`,
  needs: ['rds.instances'],
  wellArchitected: [
    {
      question: 'adapt-to-changes',
      choice: 'rel_adapt_to_changes_autoscale_adapt',
      bestPractice: 'REL07-BP01',
    },
    {
      question: 'monitor-aws-resources',
      choice: 'rel_monitor_aws_resources_notification_monitor',
      bestPractice: 'REL06-BP03',
    },
  ],
  remediation: {
    summary:
      "Turn on storage autoscaling with a maximum well above today's size, and alarm on FreeStorageSpace.",
    steps: [
      'Set a maximum allocated storage (for example twice the current size); this turns storage autoscaling on without downtime.',
      `Create a CloudWatch alarm on FreeStorageSpace below ${MIN_FREE_PERCENT}% of the allocated storage.`,
      'Look at what grows (binary logs, temporary tables, old partitions) and clean it up or archive it.',
    ],
    snippet:
      'aws rds modify-db-instance --db-instance-identifier <db> --max-allocated-storage <2x-current-GiB> --apply-immediately',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html',
  evaluate: (inventory) =>
    inventory.rds.instances.map((db) => {
      if (db.clusterIdentifier) return clusterStorageMember(db);
      const label = describeDatabase({ ...db, kind: 'instance' });
      if (db.freeStorageGiB === null) {
        return missingData(
          refOf(db),
          `${label}: FreeStorageSpace not measured (CloudWatch), so its storage headroom cannot be judged`,
        );
      }
      const allocated = db.allocatedStorageGiB;
      const freeShare = (100 * db.freeStorageGiB) / allocated;
      const freePercent = Math.floor(freeShare);
      const free = `${db.freeStorageGiB} GiB free of ${allocated} GiB (${freePercent}%)`;
      const low = freeShare < MIN_FREE_PERCENT;
      const ceiling = db.maxAllocatedStorageGiB;
      const details = { allocatedGiB: allocated, freePercent, maxAllocatedGiB: ceiling };
      if (ceiling !== null && ceiling > allocated) {
        if (low && allocated >= CEILING_SHARE * ceiling) {
          return fail(db, `${label}: ${free}, and autoscaling is near its maximum of ${ceiling} GiB`, {
            details,
          });
        }
        return pass(db, `${label}: ${free}; storage autoscaling up to ${ceiling} GiB`, { details });
      }
      return fail(
        db,
        low
          ? `${label}: only ${free}, and storage autoscaling is off`
          : `${label}: storage autoscaling is off (${free})`,
        {
          details,
        },
      );
    }),
});
