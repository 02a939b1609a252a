import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { accountLabel, managementAccountId } from '../_lib/_accounts.ts';
import { accountEnvironmentSignals } from '../_lib/_environment.ts';
import { uniqueTrails, type Trail } from './_trails.ts';

/** Why the bucket's account is not a dedicated log archive, or undefined when it is one. */
function notDedicated(inventory: Inventory, trail: Trail, ownerId: string): string | undefined {
  if (ownerId === managementAccountId(inventory)) return 'the management account';
  if (ownerId === trail.accountId) return 'the same account whose activity the trail records';
  const owner = inventory.accounts.find((account) => account.id === ownerId);
  const workload = owner ? accountEnvironmentSignals(owner)[0] : undefined;
  return workload ? `a ${workload.kind} workload account (${workload.source})` : undefined;
}

export default defineCheck({
  id: 'cloudtrail-logs-in-log-archive-account',
  title: 'CloudTrail delivers logs to a bucket in a dedicated log archive account',
  area: 'account-separation',
  pillar: 'security',
  severity: 'medium',
  description:
    "Audit logs are evidence only if the people they record cannot delete them. A bucket in the management account or in a workload account sits within reach of that account's administrators; a separate log archive account, with access limited to the security team, keeps the record intact.",
  needs: ['organization', 'accounts', 'cloudtrail.trails', 's3.buckets'],
  wellArchitected: [
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_logs',
      bestPractice: 'SEC04-BP02',
    },
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_multi_accounts',
      bestPractice: 'SEC01-BP01',
    },
  ],
  remediation: {
    summary: 'Create a log archive account in a Security OU and point the trail at a bucket there.',
    steps: [
      'Create the log archive account (AWS Control Tower creates one) and a bucket with versioning, Object Lock or MFA delete, and SSE-KMS.',
      'Give the bucket a policy that admits CloudTrail for the organization only.',
      'Update the trail to the new bucket; keep the old bucket read-only until its retention ends.',
    ],
    snippet:
      'aws cloudtrail update-trail --name <trail> --s3-bucket-name <log-archive-bucket> --kms-key-id <key-arn>',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/log-archive.html',
  evaluate: (inventory) =>
    uniqueTrails(inventory)
      .filter((trail) => trail.isLogging)
      .map((trail) => {
        const named = `trail ${trail.name} of ${accountLabel(inventory, trail.accountId)}`;
        if (!inventory.organization) {
          return notApplicable(
            trail,
            `${named}: the account is not in an organization, so it has no log archive account`,
          );
        }
        const bucket = inventory.s3.buckets.find((candidate) => candidate.name === trail.s3BucketName);
        if (!bucket) {
          return notApplicable(
            trail,
            `${named} delivers to bucket ${trail.s3BucketName ?? '(unknown)'}, which is outside the scanned accounts`,
          );
        }
        const where = `bucket ${bucket.name} in ${accountLabel(inventory, bucket.accountId)}`;
        const reason = notDedicated(inventory, trail, bucket.accountId);
        return reason
          ? fail(trail, `${named} delivers to ${where}, ${reason}`)
          : pass(
              trail,
              `${named} delivers to ${where}, a separate account that is neither the management account nor named or tagged as a workload account`,
            );
      }),
});
