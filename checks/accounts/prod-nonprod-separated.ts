import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { accountLabel, accountResource, managementAccountId, perActiveAccount } from '../_lib/_accounts.ts';
import {
  accountEnvironmentSignals,
  taggedEnvironment,
  type EnvironmentKind,
  type EnvironmentSignal,
} from '../_lib/_environment.ts';

interface TaggedResource extends EnvironmentSignal {
  name: string;
}

/** Workload resources whose environment tag names production or non-production, by account. */
function taggedResourcesByAccount(inventory: Inventory): Map<string, TaggedResource[]> {
  const byAccount = new Map<string, TaggedResource[]>();
  const resources = [
    ...inventory.ec2.instances.filter((instance) => instance.state !== 'terminated'),
    ...inventory.ec2.vpcs,
    ...inventory.rds.instances,
    ...inventory.rds.clusters,
    ...inventory.s3.buckets,
  ];
  for (const resource of resources) {
    const tagged = taggedEnvironment(resource.tags);
    if (!tagged) continue;
    const list = byAccount.get(resource.accountId) ?? [];
    list.push({ kind: tagged.kind, source: tagged.tag, name: resource.name || resource.arn });
    byAccount.set(resource.accountId, list);
  }
  return byAccount;
}

/** `orders-dev (environment=development), web-staging (env=staging), 2 more` */
function listResources(resources: TaggedResource[], kind: EnvironmentKind): string {
  const ofKind = resources.filter((resource) => resource.kind === kind);
  const shown = ofKind.slice(0, 3).map((resource) => `${resource.name} (${resource.source})`);
  if (ofKind.length > shown.length) shown.push(`${ofKind.length - shown.length} more`);
  return shown.join(', ');
}

function sources(signals: EnvironmentSignal[], kind: EnvironmentKind): string {
  return signals
    .filter((signal) => signal.kind === kind)
    .map((signal) => signal.source)
    .join(', ');
}

/** Leads with what is out of place: the minority environment in an account that names the other. */
function describeMix(label: string, signals: EnvironmentSignal[], resources: TaggedResource[]): string {
  const accountKinds = [...new Set(signals.map((signal) => signal.kind))];
  if (accountKinds.length === 2) {
    return `${label} is named both ways: production per ${sources(signals, 'production')}; non-production per ${sources(signals, 'non-production')}`;
  }
  const [accountKind] = accountKinds;
  if (accountKind) {
    const other: EnvironmentKind = accountKind === 'production' ? 'non-production' : 'production';
    return `${label} is ${accountKind} (${sources(signals, accountKind)}) but holds ${other} resources: ${listResources(resources, other)}`;
  }
  return `${label} holds production resources (${listResources(resources, 'production')}) and non-production resources (${listResources(resources, 'non-production')})`;
}

export default defineCheck({
  id: 'prod-nonprod-separated',
  title: 'Production and non-production workloads run in separate AWS accounts',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'An account is the strongest isolation boundary AWS offers. When production and development or test resources share an account, a developer permission, a test script or a compromised dev instance reaches production data, and quotas, budgets and guardrails cannot differ by environment. The environment is read from the account (environment tag, OU path, name) and from the environment tags of its instances, VPCs, databases and buckets.',
  needs: ['accounts', 'ec2.instances', 'ec2.vpcs', 'rds.instances', 'rds.clusters', 's3.buckets'],
  wellArchitected: [
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_multi_accounts',
      bestPractice: 'SEC01-BP01',
    },
    { question: 'dev-integ', choice: 'ops_dev_integ_multi_env', bestPractice: 'OPS05-BP08' },
  ],
  remediation: {
    summary:
      'Give every environment its own account under a Prod or NonProd OU, and move the resources of the other environment out of the mixed account.',
    steps: [
      'Create a separate account for the minority environment (e.g. staging) in the NonProd OU.',
      'Rebuild its resources there from infrastructure as code; copy data with snapshots shared to the new account, never the other way round.',
      'Tag every account with its environment and keep the OU structure Prod / NonProd so that guardrails can differ.',
      'Delete the moved resources from the production account once traffic has switched.',
    ],
    snippet:
      'aws organizations create-account --email aws-staging@example.com --account-name shop-staging\naws organizations move-account --account-id <new-account-id> --source-parent-id <root-id> --destination-parent-id <nonprod-ou-id>\naws organizations tag-resource --resource-id <new-account-id> --tags Key=environment,Value=staging',
    effort: 'high',
    downtime: false,
    extraCost: false,
  },
  docsUrl:
    'https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/production-starter-organization.html',
  evaluate: (inventory) => {
    const taggedResources = taggedResourcesByAccount(inventory);
    return perActiveAccount(inventory, (account) => {
      const resource = accountResource(inventory, account.id);
      const label = accountLabel(inventory, account.id);
      if (account.id === managementAccountId(inventory)) {
        return notApplicable(
          resource,
          `${label} is the management account; no-workloads-in-management-account judges it`,
        );
      }
      const signals = accountEnvironmentSignals(account);
      const resources = taggedResources.get(account.id) ?? [];
      const kinds = [...new Set([...signals, ...resources].map((signal) => signal.kind))];
      if (kinds.length === 0) {
        return notApplicable(
          resource,
          `${label} names no environment: no environment tag, OU or account name says production or non-production, and no resource carries an environment tag`,
        );
      }
      if (kinds.length === 1) {
        const [kind] = kinds as [EnvironmentKind];
        const named = [sources(signals, kind), listResources(resources, kind)].filter(Boolean).join('; ');
        return pass(resource, `${label} holds ${kind} only: ${named}`);
      }
      return fail(resource, describeMix(label, signals, resources));
    });
  },
});
