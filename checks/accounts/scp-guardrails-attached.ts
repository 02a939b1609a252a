import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import type { Organization } from '../../src/inventory/schema.ts';
import { accountLabel, accountResource, perActiveAccount } from '../_lib/_accounts.ts';
import { customScpsGoverning, policyTargetsGoverning } from '../_lib/_organization.ts';

function targetName(organization: Organization, target: string): string {
  if (target === organization.rootId) return 'the root';
  const ou = organization.organizationalUnits.find((candidate) => candidate.id === target);
  return ou ? `OU ${ou.name}` : `account ${target}`;
}

export default defineCheck({
  id: 'scp-guardrails-attached',
  title: 'Service control policies beyond FullAWSAccess guard every member account',
  area: 'account-separation',
  pillar: 'security',
  severity: 'medium',
  description:
    'FullAWSAccess, the AWS-managed default, allows everything. Without a customer SCP on the account, its OUs or the root, nothing stops an administrator in the account from leaving the organization, disabling CloudTrail or GuardDuty, deleting the log archive or using unapproved regions. The management account is out of scope: SCPs never apply to it.',
  needs: ['organization', 'accounts'],
  wellArchitected: [
    {
      question: 'permissions',
      choice: 'sec_permissions_define_guardrails',
      bestPractice: 'SEC03-BP05',
    },
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_control_objectives',
      bestPractice: 'SEC01-BP03',
    },
  ],
  remediation: {
    summary:
      'Attach preventive SCPs (deny leaving the organization, deny disabling CloudTrail/Config/GuardDuty, region restriction, deny root user actions) to the root or the workload OUs.',
    steps: [
      'Start from the AWS example SCPs or the AWS Control Tower preventive controls.',
      'Test the policy on a sandbox OU; SCPs deny silently and can break deployments.',
      'Attach it to the Workloads OU (or the root) so that new accounts inherit it.',
      'Review the policies when accounts move between OUs.',
    ],
    snippet:
      'aws organizations create-policy --type SERVICE_CONTROL_POLICY --name baseline-guardrails --description "Deny leaving the org and disabling audit" --content file://baseline-guardrails.json\naws organizations attach-policy --policy-id <policy-id> --target-id <workloads-ou-id>',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html',
  evaluate: (inventory) => {
    const organization = inventory.organization;
    return perActiveAccount(inventory, (account) => {
      const label = accountLabel(inventory, account.id);
      const resource = accountResource(inventory, account.id);
      if (!organization || organization.featureSet !== 'ALL') {
        return notApplicable(
          resource,
          `${label} is not in an organization with all features; organization-exists judges it`,
        );
      }
      if (account.id === organization.managementAccountId) {
        return notApplicable(resource, `${label} is the management account; SCPs never restrict it`);
      }
      const chain = policyTargetsGoverning(organization, account);
      const policies = customScpsGoverning(organization, account);
      const where = (targets: string[]) =>
        targets.filter((target) => chain.includes(target)).map((target) => targetName(organization, target));
      if (policies.length > 0) {
        const named = policies.map((policy) => `${policy.name} (on ${where(policy.targets).join(', ')})`);
        return pass(resource, `${label} is guarded by ${named.join(', ')}`);
      }
      return fail(
        resource,
        `only AWS-managed SCPs such as FullAWSAccess apply to ${label} (checked ${where(chain).join(', ')}): no guardrail SCP`,
      );
    });
  },
});
