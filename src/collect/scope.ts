import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import picomatch from 'picomatch';
import type { ClientFactory } from '../aws/clients.ts';
import { classifyAwsError, isEnvironmentFailure } from '../aws/errors.ts';
import { describeError, environmentError, userError } from '../errors.ts';
import type { Account } from '../inventory/schema.ts';

export interface CallerIdentity {
  accountId: string;
  arn: string;
  partition: string;
}

/** Which account the credentials belong to; the first call of every run, so bad credentials fail fast. */
export async function identifyCaller(
  clients: ClientFactory,
  callerKey: string,
  region: string,
): Promise<CallerIdentity> {
  try {
    const identity = await clients.get(STSClient, callerKey, region).send(new GetCallerIdentityCommand({}));
    const arn = identity.Arn ?? '';
    return { accountId: identity.Account ?? '', arn, partition: arn.split(':')[1] || 'aws' };
  } catch (error) {
    if (isEnvironmentFailure(error)) {
      throw environmentError(
        'AWS_UNREACHABLE',
        `cannot reach AWS STS: ${classifyAwsError(error).message || describeError(error)}`,
        'AWS throttled, failed or could not be reached after the retries: run again later, and check ' +
          'AWS_ENDPOINT_URL when using an emulator.',
        error,
      );
    }
    throw userError(
      'AWS_CREDENTIALS',
      `cannot identify the AWS caller: ${classifyAwsError(error).message || describeError(error)}`,
      'Give credentials the AWS CLI would use: --profile NAME (after `aws sso login --profile NAME` for SSO), ' +
        'AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; check AWS_ENDPOINT_URL when using an emulator.',
      error,
    );
  }
}

/** The single account reviewed without --org, named by its alias when it has one. */
export async function singleAccount(
  clients: ClientFactory,
  caller: CallerIdentity,
  region: string,
): Promise<Account> {
  const aliases = await clients
    .get(IAMClient, caller.accountId, region)
    .send(new ListAccountAliasesCommand({}))
    .then((answer) => answer.AccountAliases ?? [])
    // The alias is only a display name: without it the account id names the account.
    .catch(() => []);
  return {
    id: caller.accountId,
    arn: '',
    name: aliases[0] ?? caller.accountId,
    status: 'ACTIVE',
    isManagement: false,
    ouPath: [],
    tags: {},
  };
}

/** `--accounts` globs against ids and names; a leading `!` excludes. */
export function filterAccounts(accounts: readonly Account[], patterns: readonly string[]): Account[] {
  if (patterns.length === 0) return [...accounts];
  const include = patterns.filter((pattern) => !pattern.startsWith('!'));
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  const isIncluded = include.length > 0 ? picomatch(include) : () => true;
  const isExcluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  const matches = (test: (value: string) => boolean, account: Account) =>
    test(account.id) || test(account.name);
  const selected = accounts.filter(
    (account) => matches(isIncluded, account) && !matches(isExcluded, account),
  );
  if (selected.length === 0) {
    throw userError(
      'NO_ACCOUNTS',
      `--accounts ${patterns.join(',')} matches none of the ${accounts.length} account(s) in scope`,
      'Give account ids or names (globs allowed, `!` excludes); with --org the member accounts are listed from AWS Organizations.',
    );
  }
  return selected;
}

export interface RegionStatus {
  /** Regions the account can call. */
  enabled: Set<string>;
  /** Every region the partition has, enabled or not. */
  known: Set<string>;
}

/** The account's regions and whether it has opted into each (DescribeRegions with AllRegions). */
export async function regionStatus(
  clients: ClientFactory,
  accountId: string,
  region: string,
): Promise<RegionStatus> {
  const { Regions: regions = [] } = await clients
    .get(EC2Client, accountId, region)
    .send(new DescribeRegionsCommand({ AllRegions: true }));
  return {
    enabled: new Set(regions.filter((r) => r.OptInStatus !== 'not-opted-in').map((r) => r.RegionName ?? '')),
    known: new Set(regions.map((r) => r.RegionName ?? '')),
  };
}

/** `--regions` checked against the partition's regions, or every enabled region when none are given. */
export function chooseRegions(requested: readonly string[], status: RegionStatus): string[] {
  if (requested.length === 0) return [...status.enabled].sort();
  const unknown = requested.filter((region) => !status.known.has(region));
  if (unknown.length > 0) {
    throw userError(
      'UNKNOWN_REGION',
      `unknown region${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      `Known regions: ${[...status.known].sort().join(', ')}.`,
    );
  }
  return [...new Set(requested)];
}
