import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { accountLabel, accountResource, perActiveAccount } from '../_lib/_accounts.ts';
import { missingData } from '../_lib/_outcomes.ts';

export default defineCheck({
  id: 'organization-exists',
  title: 'Accounts belong to an AWS Organization with all features enabled',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'An AWS Organization with all features is the base of multi-account governance: service control policies, organization-wide CloudTrail, delegated security services and central account creation all need it. A standalone account, or an organization with consolidated billing only, has none of these guardrails.',
  needs: ['organization', 'accounts'],
  wellArchitected: [
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_multi_accounts',
      bestPractice: 'SEC01-BP01',
    },
    {
      question: 'permissions',
      choice: 'sec_permissions_define_guardrails',
      bestPractice: 'SEC03-BP05',
    },
  ],
  remediation: {
    summary:
      'Create an AWS Organization from a dedicated management account (or AWS Control Tower landing zone) and enable all features.',
    steps: [
      'Pick or create a management account that will run no workloads.',
      'Create the organization with all features, or enable all features on an existing consolidated-billing organization (every member account must approve).',
      'Invite the existing accounts, or create new ones through the organization, and place them in OUs.',
      'Consider AWS Control Tower to set up the landing zone (log archive and audit accounts, guardrails) in one step.',
    ],
    snippet:
      'aws organizations create-organization --feature-set ALL\n# existing consolidated-billing organization:\naws organizations enable-all-features',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_support-all-features.html',
  evaluate: (inventory) => {
    const organization = inventory.organization;
    // DescribeOrganization fails in one account (usually the management account) but decides for all.
    const organizationUnreadable = inventory.coverage.some((gap) => gap.part === 'organization');
    return perActiveAccount(inventory, (account) => {
      const label = accountLabel(inventory, account.id);
      const resource = accountResource(inventory, account.id);
      if (!organization && organizationUnreadable) {
        return missingData(
          resource,
          `the organization could not be read, so membership of ${label} is unknown`,
        );
      }
      if (!organization) {
        return fail(
          resource,
          `account ${label} is not in an AWS Organization: no service control policies, organization trail or central governance`,
        );
      }
      return organization.featureSet === 'ALL'
        ? pass(resource, `account ${label} is in organization ${organization.id} with all features enabled`)
        : fail(
            resource,
            `organization ${organization.id} of account ${label} has only consolidated billing enabled: service control policies and organization trails need all features`,
          );
    });
  },
});
