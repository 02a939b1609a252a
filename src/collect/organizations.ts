import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  DescribeOrganizationCommand,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListRoots,
  paginateListTagsForResource,
  paginateListTargetsForPolicy,
} from '@aws-sdk/client-organizations';
import type { Account, InventoryInput } from '../inventory/schema.ts';
import { collectPages, mapConcurrently } from './collector.ts';

type OrganizationsClientFor = () => OrganizationsClient;

export const ORGANIZATION_ACCOUNTS_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
  'organizations:ListTagsForResource',
] as const;

export const ORGANIZATION_POLICY_ACTIONS = [
  'organizations:ListPolicies',
  'organizations:ListTargetsForPolicy',
] as const;

interface OrganizationTree {
  organization: NonNullable<InventoryInput['organization']>;
  accounts: Account[];
}

/**
 * Walks the organization from its root: OUs with their paths, and every account with the OU it sits in.
 * Service control policies and their targets are read only when `withPolicies` is set, account tags only
 * when `withTags` is (a shard other than the first needs the account list only).
 */
export async function discoverOrganization(
  clientFor: OrganizationsClientFor,
  withPolicies: boolean,
  withTags = true,
): Promise<OrganizationTree> {
  const client = clientFor();
  const { Organization: organization } = await client.send(new DescribeOrganizationCommand({}));
  const roots = await collectPages(paginateListRoots({ client }, {}), (page) => page.Roots);
  const rootId = roots[0]?.Id ?? '';
  const organizationalUnits: OrganizationTree['organization']['organizationalUnits'] = [];
  const accounts: Account[] = [];

  async function walk(parentId: string, path: string[]): Promise<void> {
    const [units, members] = await Promise.all([
      collectPages(
        paginateListOrganizationalUnitsForParent({ client, pageSize: 20 }, { ParentId: parentId }),
        (page) => page.OrganizationalUnits,
      ),
      collectPages(
        paginateListAccountsForParent({ client, pageSize: 20 }, { ParentId: parentId }),
        (page) => page.Accounts,
      ),
    ]);
    for (const member of members) {
      accounts.push({
        id: member.Id ?? '',
        arn: member.Arn ?? '',
        name: member.Name ?? member.Id ?? '',
        email: member.Email,
        status:
          member.Status === 'SUSPENDED' || member.Status === 'PENDING_CLOSURE' ? member.Status : 'ACTIVE',
        isManagement: member.Id === organization?.MasterAccountId,
        parentId,
        ouPath: path,
        tags: {},
      });
    }
    for (const unit of units) {
      organizationalUnits.push({ id: unit.Id ?? '', arn: unit.Arn ?? '', name: unit.Name ?? '', parentId });
    }
    await Promise.all(units.map((unit) => walk(unit.Id ?? '', [...path, unit.Name ?? ''])));
  }
  await walk(rootId, []);

  await mapConcurrently(withTags ? accounts : [], async (account) => {
    const tags = await collectPages(
      paginateListTagsForResource({ client }, { ResourceId: account.id }),
      (page) => page.Tags,
    );
    account.tags = Object.fromEntries(tags.map((tag) => [tag.Key ?? '', tag.Value ?? '']));
  });

  const policies = withPolicies ? await serviceControlPolicies(client) : [];
  return {
    organization: {
      id: organization?.Id ?? '',
      arn: organization?.Arn ?? '',
      managementAccountId: organization?.MasterAccountId ?? '',
      featureSet: organization?.FeatureSet === 'CONSOLIDATED_BILLING' ? 'CONSOLIDATED_BILLING' : 'ALL',
      rootId,
      organizationalUnits: organizationalUnits.sort((a, b) => a.id.localeCompare(b.id)),
      policies,
    },
    accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

async function serviceControlPolicies(client: OrganizationsClient) {
  const summaries = await collectPages(
    paginateListPolicies({ client, pageSize: 20 }, { Filter: 'SERVICE_CONTROL_POLICY' }),
    (page) => page.Policies,
  );
  const policies = await mapConcurrently(summaries, async (policy) => ({
    id: policy.Id ?? '',
    arn: policy.Arn ?? '',
    name: policy.Name ?? '',
    type: policy.Type ?? 'SERVICE_CONTROL_POLICY',
    awsManaged: policy.AwsManaged ?? false,
    targets: (
      await collectPages(
        paginateListTargetsForPolicy({ client, pageSize: 20 }, { PolicyId: policy.Id }),
        (page) => page.Targets,
      )
    )
      .map((target) => target.TargetId ?? '')
      .sort(),
  }));
  return policies.sort((a, b) => a.id.localeCompare(b.id));
}
