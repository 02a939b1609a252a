import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { accountLabel, accountResource, isScanned, managementAccountId } from '../_lib/_accounts.ts';
import { outsideAnOrganization } from './_organization-scope.ts';

export default defineCheck({
  id: 'no-workloads-in-management-account',
  title: 'The organization management account runs no workloads',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'Service control policies never restrict the management account, and anyone who controls it controls every account of the organization. EC2 instances or databases there widen its attack surface and give their operators a foothold with no guardrails; workloads belong in member accounts.',
  needs: ['organization', 'accounts', 'ec2.instances', 'rds.instances', 'rds.clusters'],
  wellArchitected: [
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_multi_accounts',
      bestPractice: 'SEC01-BP01',
    },
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_reduce_management_scope',
      bestPractice: 'SEC01-BP05',
    },
  ],
  remediation: {
    summary:
      'Move the workloads to a member account and keep the management account for billing and organization administration only.',
    steps: [
      'Create (or pick) a member account in the right OU for each workload found.',
      'Rebuild the instances there from infrastructure as code or a copied AMI; move databases with a shared snapshot.',
      'Switch traffic, then terminate the resources in the management account.',
      'Restrict who can launch resources in the management account (IAM Identity Center permission sets with billing and organization rights only).',
    ],
    snippet:
      'aws ec2 create-image --instance-id <instance-id> --name <name>-move\naws ec2 modify-image-attribute --image-id <ami-id> --launch-permission "Add=[{UserId=<member-account-id>}]"',
    effort: 'high',
    downtime: true,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_best-practices_mgmt-acct.html',
  evaluate: (inventory) => {
    const managementId = managementAccountId(inventory);
    if (!managementId) return outsideAnOrganization(inventory);
    if (!isScanned(inventory, managementId)) {
      return [
        notApplicable(
          accountResource(inventory, managementId),
          `management account ${accountLabel(inventory, managementId)} was not scanned, so its workloads are unknown`,
        ),
      ];
    }
    const inManagement = <T extends { accountId: string }>(items: T[]) =>
      items.filter((item) => item.accountId === managementId);
    const workloads = [
      ...inManagement(inventory.ec2.instances)
        .filter((instance) => instance.state !== 'terminated')
        .map((i) => `EC2 instance ${i.name || i.instanceId} (${i.instanceId}, ${i.state}) in ${i.region}`),
      ...inManagement(inventory.rds.instances)
        .filter((db) => !db.clusterIdentifier)
        .map((db) => `RDS ${db.engine} ${db.identifier} in ${db.region}`),
      ...inManagement(inventory.rds.clusters).map(
        (c) => `${c.engine} cluster ${c.identifier} in ${c.region}`,
      ),
    ];
    const label = accountLabel(inventory, managementId);
    const resource = accountResource(inventory, managementId);
    return [
      workloads.length === 0
        ? pass(resource, `management account ${label} runs no EC2 instances or databases`)
        : fail(resource, `management account ${label} runs workloads: ${workloads.join('; ')}`, {
            details: { workloads: workloads.length },
          }),
    ];
  },
});
