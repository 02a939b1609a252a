import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';

/**
 * A WA Tool client from the SDK's standard settings (credentials chain, AWS_REGION, AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_WELLARCHITECTED); explicit region/endpoint win. The WA Tool throttles bursts, so it
 * retries more than the SDK's default of 3 attempts.
 */
export function createWellArchitectedClient(
  options: { region?: string; endpoint?: string } = {},
): WellArchitectedClient {
  return new WellArchitectedClient({
    maxAttempts: 6,
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}
