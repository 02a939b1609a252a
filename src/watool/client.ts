import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { ClientFactory } from '../aws/clients.ts';
import { baseCredentials } from '../aws/credentials.ts';
import { createHttpHandler } from '../aws/http.ts';
import { ConcurrencyLimits } from '../aws/limits.ts';
import { userError } from '../errors.ts';

/** The WA Tool throttles bursts, so recording retries more than the SDK's default of 3 attempts. */
const WA_TOOL_ATTEMPTS = 6;
/** Recording is sequential: a few sockets are plenty. */
const WA_TOOL_CONCURRENCY = { global: 4, perAccountRegion: 4 };
/** Calls are made as the caller: the factory keys clients by account, and the WA Tool has only this one. */
const CALLER = 'caller';

export interface WellArchitectedConnection {
  client: WellArchitectedClient;
  /** Closes the client and its sockets. */
  close(): void;
}

/**
 * A WA Tool client from the project's client factory, like every other AWS client: the credential chain
 * (AWS_PROFILE or `--profile`, SSO, roles), the adaptive retries, the shared HTTP handler, and endpoints
 * from AWS_ENDPOINT_URL_WELLARCHITECTED / AWS_ENDPOINT_URL or the profile. The WA Tool is regional:
 * workloads live in the region given, else AWS_REGION / AWS_DEFAULT_REGION.
 */
export function createWellArchitectedClient(
  options: { region?: string; profile?: string } = {},
): WellArchitectedConnection {
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) {
    throw userError(
      'WATOOL_REGION',
      'no region for the WA Tool: its workloads are kept per region',
      'Set AWS_REGION to the region of the workload (for example AWS_REGION=eu-west-1).',
    );
  }
  const factory = new ClientFactory({
    credentialsFor: () => baseCredentials(options.profile),
    httpHandler: createHttpHandler({ connectTimeoutMs: 5_000, requestTimeoutMs: 60_000, maxSockets: 4 }),
    limits: new ConcurrencyLimits(WA_TOOL_CONCURRENCY),
    maxAttempts: WA_TOOL_ATTEMPTS,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  return { client: factory.get(WellArchitectedClient, CALLER, region), close: () => factory.destroy() };
}
