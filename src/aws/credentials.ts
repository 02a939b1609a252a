import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Refresh this long before expiry, so no request is signed with credentials about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The SDK's standard chain: environment, shared config profiles (SSO, web identity, credential_process),
 * container and instance roles. `profile` selects a named profile, like `--profile`.
 */
export function baseCredentials(profile?: string): AwsCredentialIdentityProvider {
  return memoiseCredentials(fromNodeProviderChain(profile ? { profile } : {}));
}

/**
 * Caches credentials until shortly before they expire. The SDK memoises per client; this memoises per
 * account so the dozens of clients of one member account share a single AssumeRole.
 */
export function memoiseCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let current: AwsCredentialIdentity | undefined;
  const fresh = (identity: AwsCredentialIdentity) =>
    !identity.expiration || identity.expiration.getTime() - REFRESH_MARGIN_MS > now();
  return async () => {
    if (current && fresh(current)) return current;
    pending ??= provider().then(
      (identity) => {
        current = identity;
        pending = undefined;
        return identity;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}

export interface AssumeRoleOptions {
  accountId: string;
  roleName: string;
  externalId?: string;
  sessionName: string;
  durationSeconds: number;
  /** Region of the STS client that assumes the role. */
  region: string;
  profile?: string;
  partition?: string;
}

export function roleArn(accountId: string, roleName: string, partition = 'aws'): string {
  // A role name may carry a path ("audit/ReadOnly"); the ARN keeps it.
  return `arn:${partition}:iam::${accountId}:role/${roleName.replace(/^\/+/, '')}`;
}

/** Credentials of a role in a member account, assumed with the caller's credentials and refreshed before expiry. */
export function assumeRoleCredentials(
  caller: AwsCredentialIdentityProvider,
  options: AssumeRoleOptions,
): AwsCredentialIdentityProvider {
  return memoiseCredentials(
    fromTemporaryCredentials({
      masterCredentials: caller,
      params: {
        RoleArn: roleArn(options.accountId, options.roleName, options.partition),
        RoleSessionName: options.sessionName,
        DurationSeconds: options.durationSeconds,
        ...(options.externalId ? { ExternalId: options.externalId } : {}),
      },
      clientConfig: { region: options.region, ...(options.profile ? { profile: options.profile } : {}) },
    }),
  );
}

/**
 * Makes `--profile` act as AWS_PROFILE does. The SDK reads a profile's `endpoint_url` and `services`
 * section only for the profile AWS_PROFILE names, not for a client's `profile` option, so without this
 * `--profile emulator` would send requests to AWS instead of the endpoint that profile configures.
 */
export function selectProfile(profile: string | undefined): void {
  if (profile) process.env.AWS_PROFILE = profile;
}
