import type { Account, Organization } from '../../src/inventory/schema.ts';

/**
 * The ids a policy can be attached to and still govern the account: the account itself, every OU
 * above it and the root. SCPs inherit down this chain.
 */
export function policyTargetsGoverning(organization: Organization, account: Account): string[] {
  const chain = [account.id];
  let parent = account.parentId;
  const seen = new Set<string>();
  while (parent && !seen.has(parent)) {
    seen.add(parent);
    chain.push(parent);
    parent = organization.organizationalUnits.find((ou) => ou.id === parent)?.parentId;
  }
  if (!chain.includes(organization.rootId)) chain.push(organization.rootId);
  return chain;
}

/** Customer-managed service control policies that govern the account. */
export function customScpsGoverning(organization: Organization, account: Account) {
  const targets = new Set(policyTargetsGoverning(organization, account));
  return organization.policies.filter(
    (policy) =>
      policy.type === 'SERVICE_CONTROL_POLICY' &&
      !policy.awsManaged &&
      policy.targets.some((target) => targets.has(target)),
  );
}
