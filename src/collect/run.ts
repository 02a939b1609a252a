import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import pLimit from 'p-limit';
import type { ZodArray } from 'zod';
import { z, ZodDefault, type ZodTypeAny } from 'zod';
import { ClientFactory, type CallEvent } from '../aws/clients.ts';
import { assumeRoleCredentials, baseCredentials, selectProfile } from '../aws/credentials.ts';
import { classifyAwsError, gapHint, isPermanentFailure, type GapReason } from '../aws/errors.ts';
import { createHttpHandler } from '../aws/http.ts';
import { ConcurrencyLimits } from '../aws/limits.ts';
import { describeError, userError } from '../errors.ts';
import {
  emptyInventory,
  INVENTORY_SERVICES,
  inventorySchema,
  type Account,
  type CoverageGap,
  type Inventory,
  type InventoryInput,
} from '../inventory/schema.ts';
import { markValidated } from '../inventory/store.ts';
import { WAREVIEW_VERSION } from '../version.ts';
import type { CollectContext, GapScope, PartCollector, ServiceName } from './collector.ts';
import { resolveCollectOptions, type CollectOptions, type ResolvedCollectOptions } from './options.ts';
import { MemoryCeiling } from './memory-ceiling.ts';
import { discoverOrganization } from './organizations.ts';
import { readsOrganizationDetails, shareOf } from '../shard/shard.ts';
import type { ProgressSink } from './progress.ts';
import { collectorsFor, needsOrganizationPolicies } from './registry.ts';
import {
  chooseRegions,
  filterAccounts,
  identifyCaller,
  regionStatus,
  singleAccount,
  type CallerIdentity,
  type RegionStatus,
} from './scope.ts';

/** Tasks in flight per global request slot; a task often waits on a chain of calls (list, then describe). */
const TASKS_PER_REQUEST_SLOT = 4;

/**
 * Gap part of an account whose enabled regions could not be listed: no check reads it, the report shows
 * it with the operation and what to do.
 */
const REGIONS_PART = 'regions';

/** Client-factory key of the caller's own credentials before its account id is known. */
const CALLER = 'caller';

interface Task {
  collector: PartCollector;
  accountId: string;
  /** Resource region, `global` for account-scoped parts. */
  region: string;
}

/**
 * Coverage gaps, one per part, account, region, reason, resource and datum, whatever number of calls
 * failed. Each names the failed operation, the HTTP status and what the user can do.
 */
class CoverageLog {
  private readonly gaps = new Map<string, CoverageGap>();
  constructor(private readonly progress: ProgressSink) {}

  add(gap: CoverageGap): void {
    const key = `${gap.part}|${gap.accountId}|${gap.region}|${gap.reason}|${gap.resource ?? ''}|${gap.attribute ?? ''}`;
    if (this.gaps.has(key)) return;
    this.gaps.set(key, gap);
    this.progress({ type: 'gap', gap });
  }

  addError(
    part: string,
    accountId: string,
    region: string,
    error: unknown,
    where: GapScope = {},
    reason?: GapReason,
  ): void {
    const classified = classifyAwsError(error);
    this.add({
      part,
      accountId,
      region,
      reason: reason ?? classified.reason,
      message: classified.message || describeError(error),
      ...(classified.operation ? { operation: classified.operation } : {}),
      ...(where.resource ? { resource: where.resource } : {}),
      ...(where.attribute ? { attribute: where.attribute } : {}),
      ...(classified.httpStatus !== undefined ? { httpStatus: classified.httpStatus } : {}),
      hint: gapHint(classified, isPermanentFailure(error)),
    });
  }

  list(): CoverageGap[] {
    return [...this.gaps.values()].sort(compareGaps);
  }
}

/** Coverage gaps in snapshot order: by account, region and part. */
export function compareGaps(a: CoverageGap, b: CoverageGap): number {
  return (
    a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region) || a.part.localeCompare(b.part)
  );
}

/**
 * Reads the AWS estate into an inventory snapshot. Every failure to read becomes a coverage gap and the
 * run goes on; only unusable input (no credentials, unknown regions, an unreadable organization) throws.
 */
export async function collectInventory(
  options: CollectOptions,
  progress: ProgressSink = () => {},
): Promise<Inventory> {
  const settings = resolveCollectOptions(options);
  const started = performance.now();
  const counters = { calls: 0, retries: 0 };
  const observe = (call: CallEvent) => {
    if (call.attempt === 1) counters.calls += 1;
    else counters.retries += 1;
    progress({ type: 'call', call });
  };

  selectProfile(settings.profile);
  const callerCredentials = baseCredentials(settings.profile);
  const roleCredentials = new Map<string, AwsCredentialIdentityProvider>();
  let caller: CallerIdentity | undefined;
  const credentialsFor = (accountId: string): AwsCredentialIdentityProvider => {
    if (accountId === CALLER || accountId === caller?.accountId) return callerCredentials;
    let provider = roleCredentials.get(accountId);
    if (!provider) {
      provider = assumeRoleCredentials(callerCredentials, {
        accountId,
        roleName: settings.roleName,
        externalId: settings.externalId,
        sessionName: settings.sessionName,
        durationSeconds: settings.sessionDuration,
        region: settings.homeRegion,
        profile: settings.profile,
        partition: caller?.partition,
      });
      roleCredentials.set(accountId, provider);
    }
    return provider;
  };
  const clients = new ClientFactory({
    credentialsFor,
    httpHandler: createHttpHandler({
      connectTimeoutMs: 5_000,
      requestTimeoutMs: settings.requestTimeoutMs,
      maxSockets: settings.concurrency.global,
    }),
    limits: new ConcurrencyLimits(settings.concurrency),
    maxAttempts: settings.maxAttempts,
    profile: settings.profile,
    observe,
  });

  try {
    caller = await identifyCaller(clients, CALLER, settings.homeRegion);
    const inventory = emptyInventory(settings.workload);
    inventory.generator.version = WAREVIEW_VERSION;
    const coverage = new CoverageLog(progress);

    const { accounts, organization } = await discoverAccounts(clients, caller, settings);
    inventory.organization = organization;
    inventory.accounts = accounts;
    const inScope = filterAccounts(
      accounts.filter((account) => account.status === 'ACTIVE'),
      settings.accounts,
    );
    const callerRegions = await regionStatus(clients, caller.accountId, settings.homeRegion).catch(
      (error: unknown) => {
        throw userError(
          'REGIONS_UNREADABLE',
          `cannot list the account's regions (ec2:DescribeRegions): ${classifyAwsError(error).message}`,
          'Allow ec2:DescribeRegions (see `wareview iam-policy`), or name the regions with --regions.',
          error,
        );
      },
    );
    const regions = chooseRegions(settings.regions, callerRegions);
    const share = settings.shard ? shareOf(inScope, settings.shard) : inScope;
    inventory.scope = { accounts: share.map((account) => account.id), regions, organization: settings.org };
    if (settings.shard)
      inventory.shard = { ...settings.shard, accounts: inScope.map((account) => account.id) };

    const readable = await accountsWithAccess(share, caller, credentialsFor, settings, coverage);
    const sharedReads = new SharedReads();
    const collectors = collectorsFor(settings.needs);
    const tasksByAccount = await Promise.all(
      readable.map(async (account) => {
        const status =
          account.id === caller?.accountId
            ? callerRegions
            : await regionStatus(clients, account.id, settings.homeRegion).catch((error: unknown) => {
                // Every requested region is read then; one the account has not enabled fails part by part.
                coverage.addError(REGIONS_PART, account.id, '*', error);
                return undefined;
              });
        const accountRegions = enabledRegions(account.id, regions, status, coverage);
        return collectors.flatMap((collector): Task[] =>
          collector.scope === 'account'
            ? [{ collector, accountId: account.id, region: 'global' }]
            : accountRegions.map((region) => ({ collector, accountId: account.id, region })),
        );
      }),
    );
    const tasks = tasksByAccount.flat();
    progress({ type: 'scope', accounts: readable.length, regions, tasks: tasks.length });

    const remainingByAccount = new Map<string, number>();
    for (const task of tasks)
      remainingByAccount.set(task.accountId, (remainingByAccount.get(task.accountId) ?? 0) + 1);
    let resources = 0;
    // Tasks start in account order, a few accounts at a time: raw pages of waiting tasks stay few (memory),
    // accounts finish one after another (their clients are released, progress means something), and
    // enough requests are always ready to fill the request limits.
    const taskLimit = pLimit(settings.concurrency.global * TASKS_PER_REQUEST_SLOT);
    const memory = new MemoryCeiling();
    await Promise.all(
      tasks.map((task) =>
        taskLimit(async () => {
          const items = validItems(
            task,
            await runTask(task, clients, caller as CallerIdentity, settings, coverage, sharedReads),
            coverage,
          );
          const part = (inventory[task.collector.service] as Record<string, unknown[]>)[
            task.collector.key
          ] as unknown[];
          for (const item of items) part.push(item);
          resources += items.length;
          progress({
            type: 'task-done',
            accountId: task.accountId,
            region: task.region,
            part: task.collector.part,
            items: items.length,
          });
          const remaining = (remainingByAccount.get(task.accountId) ?? 1) - 1;
          remainingByAccount.set(task.accountId, remaining);
          if (remaining === 0) {
            clients.release(task.accountId);
            roleCredentials.delete(task.accountId);
            sharedReads.release(task.accountId);
            memory.check();
            progress({ type: 'account-done', accountId: task.accountId });
          }
        }),
      ),
    );

    inventory.coverage = coverage.list();
    sortParts(inventory);
    const valid = validEnvelope(inventory);
    memory.collectNow();
    progress({
      type: 'done',
      summary: {
        accounts: readable.length,
        regions: regions.length,
        tasks: tasks.length,
        calls: counters.calls,
        retries: counters.retries,
        resources,
        gaps: valid.coverage.length,
        elapsedMs: Math.round(performance.now() - started),
      },
    });
    return valid;
  } finally {
    clients.destroy();
  }
}

/** Reads several collectors of one account share, kept until the account is done. */
class SharedReads {
  private readonly byAccount = new Map<string, Map<string, Promise<unknown>>>();

  get<T>(accountId: string, key: string, read: () => Promise<T>): Promise<T> {
    let reads = this.byAccount.get(accountId);
    if (!reads) this.byAccount.set(accountId, (reads = new Map()));
    let pending = reads.get(key) as Promise<T> | undefined;
    if (!pending) reads.set(key, (pending = read()));
    return pending;
  }

  release(accountId: string): void {
    this.byAccount.delete(accountId);
  }
}

async function discoverAccounts(
  clients: ClientFactory,
  caller: CallerIdentity,
  settings: ResolvedCollectOptions,
) {
  if (!settings.org) {
    return { accounts: [await singleAccount(clients, caller, settings.homeRegion)], organization: null };
  }
  try {
    const details = readsOrganizationDetails(settings.shard);
    return await discoverOrganization(
      () => clients.get(OrganizationsClient, caller.accountId, settings.homeRegion),
      details && needsOrganizationPolicies(settings.needs),
      details,
    );
  } catch (error) {
    const classified = classifyAwsError(error);
    throw userError(
      'ORGANIZATION_UNREADABLE',
      `--org: cannot list the organization's accounts as ${caller.arn}: ${classified.code}: ${classified.message}`,
      "Run with the management account's (or a delegated administrator's) credentials and the Organizations " +
        'read actions of `wareview iam-policy --org`, or leave out --org to review this account only.',
      error,
    );
  }
}

/** Assumes the role in each member account up front: an account whose role fails is one gap, not a thousand. */
async function accountsWithAccess(
  accounts: readonly Account[],
  caller: CallerIdentity,
  credentialsFor: (accountId: string) => AwsCredentialIdentityProvider,
  settings: ResolvedCollectOptions,
  coverage: CoverageLog,
): Promise<Account[]> {
  const limit = pLimit(settings.concurrency.global);
  const usable = await Promise.all(
    accounts.map((account) =>
      limit(async () => {
        if (account.id === caller.accountId) return true;
        try {
          await credentialsFor(account.id)();
          return true;
        } catch (error) {
          const classified = classifyAwsError(error);
          coverage.add({
            part: '*',
            accountId: account.id,
            region: '*',
            reason: 'assume-role-failed',
            message: `cannot assume role ${settings.roleName}: ${classified.message}`,
            operation: 'sts:AssumeRole',
            ...(classified.httpStatus !== undefined ? { httpStatus: classified.httpStatus } : {}),
            hint: gapHint({ ...classified, reason: 'assume-role-failed' }, true),
          });
          return false;
        }
      }),
    ),
  );
  return accounts.filter((_, index) => usable[index]);
}

/** Requested regions the account has not opted into are recorded once, as a gap for everything there. */
function enabledRegions(
  accountId: string,
  regions: readonly string[],
  status: RegionStatus | undefined,
  coverage: CoverageLog,
): string[] {
  if (!status) return [...regions];
  return regions.filter((region) => {
    if (status.enabled.has(region)) return true;
    coverage.add({
      part: '*',
      accountId,
      region,
      reason: 'opt-in-required',
      message: `region ${region} is not enabled for account ${accountId}`,
      operation: 'ec2:DescribeRegions',
      hint: 'Enable the region for the account, or leave it out with --regions.',
    });
    return false;
  });
}

async function runTask(
  task: Task,
  clients: ClientFactory,
  caller: CallerIdentity,
  settings: ResolvedCollectOptions,
  coverage: CoverageLog,
  sharedReads: SharedReads,
): Promise<unknown[]> {
  const apiRegion = task.region === 'global' ? settings.homeRegion : task.region;
  const context: CollectContext = {
    accountId: task.accountId,
    region: task.region,
    apiRegion,
    partition: caller.partition,
    client: (Client, region) => clients.get(Client, task.accountId, region ?? apiRegion),
    shared: (key, read) => sharedReads.get(task.accountId, `${task.region}|${key}`, read),
    reportGap: (error, where = {}) =>
      coverage.addError(
        task.collector.part,
        task.accountId,
        where.region ?? (task.region === 'global' ? '*' : task.region),
        error,
        where,
      ),
  };
  try {
    return await task.collector.collect(context);
  } catch (error) {
    // An account-scoped part that could not be read is missing in every region of the account.
    coverage.addError(
      task.collector.part,
      task.accountId,
      task.region === 'global' ? '*' : task.region,
      error,
    );
    return [];
  }
}

/**
 * Items are validated as each part arrives, not the whole snapshot at the end: a second full copy of a
 * 100 k-resource estate would double the peak memory. An item a collector got wrong is a gap, not a crash.
 */
function validItems(task: Task, items: unknown[], coverage: CoverageLog): unknown[] {
  const schema = itemSchema(task.collector.service, task.collector.key);
  const valid: unknown[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else {
      coverage.add({
        part: task.collector.part,
        accountId: task.accountId,
        region: task.region === 'global' ? '*' : task.region,
        reason: 'error',
        message: `unexpected data from AWS: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
      });
    }
  }
  return valid;
}

function itemSchema(service: ServiceName, key: string): ZodTypeAny {
  let schema = (inventorySchema.shape[service].shape as Record<string, ZodTypeAny>)[key] as ZodTypeAny;
  if (schema instanceof ZodDefault) schema = schema._def.innerType as ZodTypeAny;
  return (schema as ZodArray<ZodTypeAny>).element;
}

/** The snapshot around the already validated parts: scope, organization, accounts and coverage. */
const envelopeSchema = inventorySchema.extend(
  Object.fromEntries(
    INVENTORY_SERVICES.map((service) => [service, z.record(z.string(), z.array(z.unknown()))]),
  ),
);

function validEnvelope(inventory: InventoryInput): Inventory {
  return markValidated(envelopeSchema.parse(inventory) as unknown as Inventory);
}

/** Resources in a snapshot, across every service part. */
export function countResources(inventory: Inventory): number {
  return INVENTORY_SERVICES.reduce(
    (sum, service) =>
      sum + Object.values(inventory[service]).reduce((count, items: unknown[]) => count + items.length, 0),
    0,
  );
}

/** Tasks finish in any order; sorting makes snapshots of the same estate identical. */
export function sortParts(inventory: InventoryInput): void {
  const byIdentity = (a: { accountId: string; region: string; arn: string }, b: typeof a) =>
    a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region) || a.arn.localeCompare(b.arn);
  for (const service of INVENTORY_SERVICES) {
    const parts = inventory[service] as Record<
      string,
      { accountId: string; region: string; arn: string }[] | undefined
    >;
    for (const key of Object.keys(parts)) parts[key]?.sort(byIdentity);
  }
}
