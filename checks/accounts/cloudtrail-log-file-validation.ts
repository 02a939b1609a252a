import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { accountLabel } from '../_lib/_accounts.ts';
import { uniqueTrails } from './_trails.ts';

export default defineCheck({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail trails validate the integrity of their log files',
  area: 'account-separation',
  pillar: 'security',
  severity: 'medium',
  description:
    'With log file validation CloudTrail writes a signed digest every hour, so an investigator can prove that no log file was changed or deleted after delivery. Without it, logs are weaker evidence and tampering by an intruder goes unnoticed.',
  needs: ['cloudtrail.trails'],
  wellArchitected: [
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_logs',
      bestPractice: 'SEC04-BP02',
    },
    {
      question: 'incident-response',
      choice: 'sec_incident_response_prepare_forensic',
      bestPractice: 'SEC10-BP03',
    },
  ],
  remediation: {
    summary:
      'Enable log file validation on the trail; validate with aws cloudtrail validate-logs during investigations.',
    steps: [
      'Update the trail from its home region (for an organization trail: the management or delegated administrator account).',
      'Digest files start with the next hour; validate a time range to confirm.',
    ],
    snippet:
      'aws cloudtrail update-trail --name <trail> --enable-log-file-validation\naws cloudtrail validate-logs --trail-arn <trail-arn> --start-time <iso-time>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
  evaluate: (inventory) =>
    uniqueTrails(inventory).map((trail) => {
      const owner = `trail ${trail.name} in ${accountLabel(inventory, trail.accountId)} (${trail.isOrganizationTrail ? 'organization' : 'account'} trail, home ${trail.homeRegion})`;
      if (!trail.isLogging)
        return notApplicable(trail, `${owner} is not logging; cloudtrail-organization-trail judges it`);
      return trail.logFileValidation
        ? pass(trail, `${owner} validates its log files`)
        : fail(trail, `${owner} has log file validation disabled: changed or deleted log files go unnoticed`);
    }),
});
