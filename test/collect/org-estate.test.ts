import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isReadOnlyOperation, iamActionFor } from '../../src/aws/iam-actions.ts';
import { requiredActions } from '../../src/collect/index.ts';
import { MANAGEMENT, PROD, SANDBOX } from '../aws/fake/org-estate.ts';
import { collect, startFakeAws } from './harness.ts';

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/org-estate.inventory.json', import.meta.url), 'utf8'),
);

describe('collecting an organization across accounts and regions through the real SDK clients', () => {
  it('produces exactly the expected snapshot: every part, gaps for the denied role and the region not enabled', async () => {
    const fake = await startFakeAws();
    const { inventory } = await collect();
    expect({ ...inventory, generator: golden.generator }).toEqual(golden);
    expect(fake.unanswered).toEqual([]);
  });

  it('sends only read-only operations, each covered by an IAM action the collectors declare', async () => {
    const fake = await startFakeAws();
    await collect();
    const declared = new Set(requiredActions(undefined, true));
    const sent = [...new Set(fake.calls.map((call) => `${call.client}:${call.operation}`))].sort();
    const undeclared = sent.filter((key) => {
      const [client = '', operation = ''] = key.split(':');
      return operation !== 'AssumeRole' && !declared.has(iamActionFor(client, operation));
    });
    expect(undeclared).toEqual([]);
    expect(sent.filter((key) => !isReadOnlyOperation(key.split(':')[1] ?? ''))).toEqual(['STS:AssumeRole']);
    // Role assumption is the credential step into members, never a call on the member's resources.
    const assumeRoles = fake.calls.filter((call) => call.operation === 'AssumeRole');
    expect(assumeRoles.map((call) => call.account)).toEqual(assumeRoles.map(() => MANAGEMENT));
  });

  it('assumes each member role once and reuses one client per service, account and region', async () => {
    const fake = await startFakeAws();
    await collect();
    const assumed = fake.calls
      .filter((call) => call.operation === 'AssumeRole')
      .map((call) => call.params.RoleArn)
      .sort();
    expect(assumed).toEqual([
      `arn:aws:iam::${PROD}:role/OrganizationAccountAccessRole`,
      `arn:aws:iam::${SANDBOX}:role/OrganizationAccountAccessRole`,
    ]);
    const prodCalls = fake.calls.filter((call) => call.account === PROD);
    expect(prodCalls.length).toBeGreaterThan(20);
    expect(fake.calls.some((call) => call.account === SANDBOX)).toBe(false);
  });

  it('collects only the parts the selected checks need', async () => {
    const fake = await startFakeAws();
    const { inventory } = await collect({ needs: ['rds.clusters'] });
    expect(inventory.rds.clusters.map((cluster) => cluster.identifier)).toEqual(['orders']);
    expect(inventory.ec2.instances).toEqual([]);
    expect(inventory.iam.users).toEqual([]);
    const clients = new Set(fake.calls.map((call) => call.client));
    expect([...clients].sort()).toEqual(['EC2', 'Organizations', 'RDS', 'STS']);
    expect(new Set(fake.calls.filter((call) => call.client === 'RDS').map((call) => call.operation))).toEqual(
      new Set(['DescribeDBClusters', 'DescribeDBInstances']),
    );
  });

  it('reads a single account without --org, named by its alias', async () => {
    await startFakeAws();
    const { inventory } = await collect({
      org: false,
      regions: ['eu-west-1'],
      needs: ['iam.accountSummaries'],
    });
    expect(inventory.scope).toEqual({ accounts: [MANAGEMENT], regions: ['eu-west-1'], organization: false });
    expect(inventory.accounts.map((account) => [account.id, account.name])).toEqual([
      [MANAGEMENT, 'acme-management'],
    ]);
    expect(inventory.organization).toBeNull();
    expect(inventory.iam.accountSummaries.map((summary) => summary.accountId)).toEqual([MANAGEMENT]);
  });

  it.each([
    { accounts: [PROD], collected: [PROD] },
    { accounts: ['acme-prod', 'acme-management'], collected: [MANAGEMENT, PROD] },
    { accounts: ['!acme-sandbox'], collected: [MANAGEMENT, PROD] },
  ])('--accounts $accounts narrows the accounts read', async ({ accounts, collected }) => {
    await startFakeAws();
    const { inventory } = await collect({ accounts, needs: ['iam.accountSummaries'] });
    expect(inventory.iam.accountSummaries.map((summary) => summary.accountId)).toEqual(collected);
    expect(inventory.scope.accounts).toEqual(collected);
  });
});
