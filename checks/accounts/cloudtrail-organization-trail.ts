import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { accountLabel, accountResource, perActiveAccount } from '../_lib/_accounts.ts';
import { missingData, unreadableIn } from '../_lib/_outcomes.ts';
import { recordingOrganizationTrail, trailDefects, uniqueTrails } from './_trails.ts';

export default defineCheck({
  id: 'cloudtrail-organization-trail',
  title: 'An organization-wide, multi-region CloudTrail trail records every account',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'An organization trail records the API activity of every current and future member account in every region into one bucket, and member accounts cannot stop or change it. Without it, account-level trails can be missing, single-region, or switched off by the very administrator whose actions they should record.',
  needs: ['organization', 'accounts', 'cloudtrail.trails'],
  wellArchitected: [
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_app_service_logging',
      bestPractice: 'SEC04-BP01',
    },
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_logs',
      bestPractice: 'SEC04-BP02',
    },
  ],
  remediation: {
    summary:
      'Create one multi-region organization trail from the management account (or the CloudTrail delegated administrator) that delivers to a bucket in the log archive account.',
    steps: [
      'Create the destination bucket in the log archive account with a bucket policy that admits CloudTrail for the organization.',
      'Create the trail with --is-organization-trail and --is-multi-region-trail, log file validation and a KMS key.',
      'Start logging, then remove redundant account-level trails to save cost.',
    ],
    snippet:
      'aws cloudtrail create-trail --name org-trail --s3-bucket-name <log-archive-bucket> --is-organization-trail --is-multi-region-trail --enable-log-file-validation --kms-key-id <key-arn>\naws cloudtrail start-logging --name org-trail',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html',
  evaluate: (inventory) => {
    const organization = inventory.organization;
    const orgTrails = uniqueTrails(inventory).filter((trail) => trail.isOrganizationTrail);
    const covering = recordingOrganizationTrail(inventory);
    return perActiveAccount(inventory, (account) => {
      const resource = accountResource(inventory, account.id);
      const label = accountLabel(inventory, account.id);
      if (!organization) {
        return notApplicable(resource, `${label} is not in an organization; organization-exists judges it`);
      }
      if (covering) {
        return pass(
          resource,
          `${label} is recorded by organization trail ${covering.name} (multi-region, logging, home ${covering.homeRegion}, bucket ${covering.s3BucketName ?? 'unknown'})`,
        );
      }
      if (unreadableIn(inventory, 'cloudtrail.trails', organization.managementAccountId)) {
        return missingData(
          resource,
          `the trails of management account ${organization.managementAccountId} could not be read, so the organization trail cannot be judged`,
        );
      }
      const found = orgTrails.map((trail) => `${trail.name} (${trailDefects(trail).join(', ')})`);
      return fail(
        resource,
        `no multi-region, logging organization trail records ${label}; organization trails found: ${found.length > 0 ? found.join(', ') : 'none'}`,
      );
    });
  },
});
