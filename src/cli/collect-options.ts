import type { Options } from 'yargs';
import type { CollectOptions } from '../collect/index.ts';
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_ROLE_NAME,
  DEFAULT_SESSION_DURATION_SECONDS,
  DEFAULT_SESSION_NAME,
} from '../collect/options.ts';
import {
  chooseProgressMode,
  createProgressDisplay,
  type ProgressDisplay,
} from '../collect/progress-display.ts';
import { DEFAULT_CONCURRENCY } from '../aws/limits.ts';
import type { Config } from '../config.ts';
import { userError } from '../errors.ts';
import { list } from './options.ts';

/** The flags of every command that reads AWS (`collect`, `review`): one table, one meaning. */
export const collectionOptions = {
  profile: {
    type: 'string',
    describe: 'AWS profile from the shared config (SSO, web identity and role profiles work)',
  },
  regions: {
    type: 'string',
    array: true,
    describe: 'Regions to read, comma-separated (default: every region enabled for the account)',
  },
  accounts: { type: 'string', array: true, describe: 'Account ids or names to read (globs; !id excludes)' },
  org: {
    type: 'boolean',
    describe: 'Read every active account of the AWS Organization (run as the management account)',
  },
  'role-name': {
    type: 'string',
    describe: `Role to assume in member accounts (default ${DEFAULT_ROLE_NAME})`,
  },
  'external-id': { type: 'string', describe: 'External id the member role requires' },
  'session-name': {
    type: 'string',
    describe: `Session name of the assumed role (default ${DEFAULT_SESSION_NAME})`,
  },
  'session-duration': {
    type: 'number',
    describe: `Seconds an assumed-role session lasts, 900-43200 (default ${DEFAULT_SESSION_DURATION_SECONDS}); refreshed before expiry`,
  },
  concurrency: {
    type: 'number',
    describe: `Requests in flight across the run (default ${DEFAULT_CONCURRENCY.global})`,
  },
  'concurrency-per-region': {
    type: 'number',
    describe: `Requests in flight per account and region (default ${DEFAULT_CONCURRENCY.perAccountRegion})`,
  },
  'max-attempts': {
    type: 'number',
    describe: `Attempts per API call with adaptive retry (default ${DEFAULT_MAX_ATTEMPTS})`,
  },
  'request-timeout': {
    type: 'number',
    describe: `Seconds one request may take before it is retried (default ${DEFAULT_REQUEST_TIMEOUT_MS / 1000})`,
  },
  quiet: { type: 'boolean', describe: 'No progress output' },
  'json-log': { type: 'boolean', describe: 'Progress as JSON lines on stderr' },
} satisfies Record<string, Options>;

export interface CollectionArgs {
  profile?: string;
  regions?: string[];
  accounts?: string[];
  org?: boolean;
  'role-name'?: string;
  'external-id'?: string;
  'session-name'?: string;
  'session-duration'?: number;
  concurrency?: number;
  'concurrency-per-region'?: number;
  'max-attempts'?: number;
  'request-timeout'?: number;
  quiet?: boolean;
  'json-log'?: boolean;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ROLE_NAME = /^[\w+=,.@/-]{1,64}$/;

/** Flags (over the config file's `scope`) → collection options; every problem is reported at once. */
export function collectOptionsFromArgs(
  args: CollectionArgs,
  settings: { workload: string; needs?: string[]; scope?: Config['scope'] },
): CollectOptions {
  const scope = settings.scope ?? {};
  const problems: string[] = [];
  const regions = list(args.regions) ?? scope.regions ?? [];
  for (const region of regions)
    if (!REGION.test(region))
      problems.push(`--regions: "${region}" is not a region name (like eu-central-1)`);
  const roleName = args['role-name'] ?? scope.roleName ?? DEFAULT_ROLE_NAME;
  if (!ROLE_NAME.test(roleName)) problems.push(`--role-name: "${roleName}" is not an IAM role name`);
  const positive = (flag: keyof CollectionArgs, min: number, max: number) => {
    const value = args[flag] as number | undefined;
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      problems.push(`--${flag}: ${value} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  const sessionDuration = positive('session-duration', 900, 43_200);
  const global = positive('concurrency', 1, 1_000);
  const perAccountRegion = positive('concurrency-per-region', 1, 100);
  const maxAttempts = positive('max-attempts', 1, 20);
  const requestTimeout = positive('request-timeout', 1, 600);
  if (problems.length > 0) {
    throw userError('BAD_COLLECT_OPTIONS', problems.join('\n'), 'See `wareview collect --help`.');
  }
  return {
    workload: settings.workload,
    profile: args.profile ?? scope.profile,
    regions,
    accounts: list(args.accounts) ?? scope.accounts ?? [],
    org: args.org ?? scope.organization ?? false,
    roleName,
    externalId: args['external-id'] ?? scope.externalId,
    sessionName: args['session-name'],
    sessionDuration,
    needs: settings.needs,
    concurrency: {
      ...(global !== undefined ? { global } : {}),
      ...(perAccountRegion !== undefined ? { perAccountRegion } : {}),
    },
    maxAttempts,
    requestTimeoutMs: requestTimeout !== undefined ? requestTimeout * 1000 : undefined,
  };
}

/** The progress display the flags and the terminal ask for. */
export function progressFromArgs(args: CollectionArgs): ProgressDisplay {
  return createProgressDisplay(chooseProgressMode({ quiet: args.quiet, jsonLog: args['json-log'] }));
}
