import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { accountLabel, accountResource, perActiveAccount } from '../_lib/_accounts.ts';
import { missingData, unreadableIn } from '../_lib/_outcomes.ts';
import { recordingOrganizationTrail, trailDefects, uniqueTrails } from './_trails.ts';

export default defineCheck({
  id: 'cloudtrail-multi-region-trail',
  title: 'Every account is recorded by a multi-region CloudTrail trail that is logging',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'Without a trail, API activity is kept only 90 days in the event history and cannot be analysed centrally; a single-region trail misses activity in every other region, which is where an intruder starts crypto-mining. An organization trail or a multi-region trail of the account itself satisfies the check, so standalone accounts are judged too (CIS AWS Foundations 3.1).',
  needs: ['accounts', 'cloudtrail.trails'],
  wellArchitected: [
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_app_service_logging',
      bestPractice: 'SEC04-BP01',
    },
  ],
  remediation: {
    summary: 'Create a multi-region trail (in an organization: one organization trail) and start logging.',
    steps: [
      'In an organization, prefer one organization trail from the management or delegated administrator account.',
      'Otherwise create a multi-region trail in the account with log file validation and a KMS key, delivering to a bucket outside the account if possible.',
      'Start logging and alert on StopLogging and DeleteTrail events.',
    ],
    snippet:
      'aws cloudtrail create-trail --name account-trail --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation --kms-key-id <key-arn>\naws cloudtrail start-logging --name account-trail',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl:
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html',
  evaluate: (inventory) => {
    const trails = uniqueTrails(inventory);
    const organizationTrail = inventory.organization ? recordingOrganizationTrail(inventory) : undefined;
    return perActiveAccount(inventory, (account) => {
      const resource = accountResource(inventory, account.id);
      const label = accountLabel(inventory, account.id);
      if (organizationTrail) {
        return pass(resource, `${label} is recorded by organization trail ${organizationTrail.name}`);
      }
      const own = trails.filter((trail) => trail.accountId === account.id && !trail.isOrganizationTrail);
      const recording = own.find((trail) => trailDefects(trail).length === 0);
      if (recording)
        return pass(resource, `${label} is recorded by its multi-region trail ${recording.name}`);
      const management = inventory.organization?.managementAccountId;
      if (management && unreadableIn(inventory, 'cloudtrail.trails', management)) {
        return missingData(
          resource,
          `no trail of ${label} records all regions, and the organization trails could not be read`,
        );
      }
      const found = own.map((trail) => `${trail.name} (${trailDefects(trail).join(', ')})`);
      return fail(
        resource,
        `no multi-region, logging trail records ${label}; its trails: ${found.length > 0 ? found.join(', ') : 'none'}`,
      );
    });
  },
});
