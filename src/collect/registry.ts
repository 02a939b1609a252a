import { INVENTORY_PARTS } from '../inventory/schema.ts';
import { cloudtrailCollectors } from './cloudtrail.ts';
import type { PartCollector } from './collector.ts';
import { ec2Collectors } from './ec2.ts';
import { iamCollectors } from './iam.ts';
import { kmsCollectors } from './kms.ts';
import { ORGANIZATION_ACCOUNTS_ACTIONS, ORGANIZATION_POLICY_ACTIONS } from './organizations.ts';
import { rdsCollectors } from './rds.ts';
import { s3Collectors } from './s3.ts';
import { ssmCollectors } from './ssm.ts';

/** Every collector, one per inventory part of the services, sorted by part. */
export const COLLECTORS: readonly PartCollector[] = [
  ...cloudtrailCollectors,
  ...ec2Collectors,
  ...iamCollectors,
  ...kmsCollectors,
  ...rdsCollectors,
  ...s3Collectors,
  ...ssmCollectors,
].sort((a, b) => a.part.localeCompare(b.part));

/** What every run calls to learn who it is, which account it reads and which regions are enabled. */
export const DISCOVERY_ACTIONS = [
  'sts:GetCallerIdentity',
  'iam:ListAccountAliases',
  'ec2:DescribeRegions',
] as const;

/** A need names a service, a part or one field of a part (`s3.buckets.tlsOnlyPolicy`): all read that part. */
function wanted(needs: readonly string[] | undefined, part: string): boolean {
  return (
    !needs ||
    needs.some((need) => need === part || part.startsWith(`${need}.`) || need.startsWith(`${part}.`))
  );
}

/** Collectors for the parts checks need; `needs` absent means every part. */
export function collectorsFor(needs: readonly string[] | undefined): PartCollector[] {
  return COLLECTORS.filter((collector) => wanted(needs, collector.part));
}

export function needsOrganizationPolicies(needs: readonly string[] | undefined): boolean {
  return wanted(needs, 'organization');
}

/** The read-only IAM actions a run with these needs may call, sorted and unique. */
export function requiredActions(needs: readonly string[] | undefined, org: boolean): string[] {
  const actions = new Set<string>(DISCOVERY_ACTIONS);
  if (org) {
    for (const action of ORGANIZATION_ACCOUNTS_ACTIONS) actions.add(action);
    if (needsOrganizationPolicies(needs))
      for (const action of ORGANIZATION_POLICY_ACTIONS) actions.add(action);
  }
  for (const collector of collectorsFor(needs)) for (const action of collector.actions) actions.add(action);
  return [...actions].sort();
}

/** Parts a run fills that no collector covers: read during discovery. */
export const DISCOVERY_PARTS = INVENTORY_PARTS.filter(
  (part) => !COLLECTORS.some((collector) => collector.part === part),
);
