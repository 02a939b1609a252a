import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import type { Account } from '../../src/inventory/schema.ts';
import { accountLabel } from '../_lib/_accounts.ts';
import { outsideAnOrganization } from './_organization-scope.ts';

/** The two accounts of the AWS Security Reference Architecture's Security OU, recognised by name. */
const SECURITY_ROLES = [
  { role: 'log archive', pattern: /log/i },
  { role: 'security tooling (audit)', pattern: /audit|security|sec[-_ ]?tool|tooling/i },
];

export default defineCheck({
  id: 'security-accounts-exist',
  title: 'The organization has dedicated log archive and security tooling accounts',
  area: 'account-separation',
  pillar: 'security',
  severity: 'medium',
  description:
    'The AWS Security Reference Architecture keeps two accounts outside every workload: a log archive account that holds the audit logs, and a security tooling (audit) account that is the delegated administrator for GuardDuty, Security Hub, IAM Access Analyzer and Config aggregation. Without them, logs and security findings live in the management account or in the workload accounts they are meant to watch. Accounts are recognised by name (log, audit, security, tooling), the management account excluded.',
  needs: ['organization', 'accounts'],
  wellArchitected: [
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_multi_accounts',
      bestPractice: 'SEC01-BP01',
    },
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_logs',
      bestPractice: 'SEC04-BP02',
    },
  ],
  remediation: {
    summary:
      'Create the missing account in a Security OU and make it the delegated administrator of the security services (or let AWS Control Tower create Log Archive and Audit).',
    steps: [
      'Create a Security OU if there is none.',
      'Create the missing account (e.g. security-tooling) in it.',
      'Delegate administration of GuardDuty, Security Hub, IAM Access Analyzer and Config to the security tooling account; deliver logs to the log archive account.',
      'Restrict access to both accounts to the security team.',
    ],
    snippet:
      'aws organizations create-account --email aws-security@example.com --account-name security-tooling\naws guardduty enable-organization-admin-account --admin-account-id <security-tooling-account-id>\naws securityhub enable-organization-admin-account --admin-account-id <security-tooling-account-id>',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/security-tooling.html',
  evaluate: (inventory) => {
    const organization = inventory.organization;
    if (!organization) return outsideAnOrganization(inventory);
    const candidates = inventory.accounts.filter(
      (account: Account) => account.status === 'ACTIVE' && account.id !== organization.managementAccountId,
    );
    // One account cannot fill both roles: each role takes the first account not already taken.
    const taken = new Set<string>();
    const found = SECURITY_ROLES.map(({ role, pattern }) => {
      const account = candidates.find(
        (candidate) => !taken.has(candidate.id) && pattern.test(candidate.name),
      );
      if (account) taken.add(account.id);
      return { role, account };
    });
    const resource = {
      arn: organization.arn,
      accountId: organization.managementAccountId,
      region: 'global',
      name: organization.id,
      type: 'organizations:organization',
    };
    const present = found.flatMap(({ role, account }) =>
      account
        ? [
            `${role}: ${accountLabel(inventory, account.id)}${account.ouPath.length > 0 ? ` in OU ${account.ouPath.join('/')}` : ''}`,
          ]
        : [],
    );
    const missing = found.filter(({ account }) => !account).map(({ role }) => role);
    return [
      missing.length === 0
        ? pass(resource, `organization ${organization.id} has ${present.join('; ')}`)
        : fail(
            resource,
            `organization ${organization.id} has no ${missing.join(' and no ')} account${present.length > 0 ? ` (found ${present.join('; ')})` : ''}`,
          ),
    ];
  },
});
