import { afterEach, vi } from 'vitest';
import { collectInventory, type CollectOptions, type ProgressEvent } from '../../src/collect/index.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { MANAGEMENT, HOME, OPT_IN, orgEstateRows } from '../aws/fake/org-estate.ts';
import { FakeAws, type Fault, type ResponseRow } from '../aws/fake/server.ts';

export const COLLECTED_AT = '2026-11-01T09:00:00.000Z';

/** Points the SDK's standard endpoint and credential settings at a fake AWS, as a user would. */
export function pointSdkAt(fake: FakeAws): void {
  vi.stubEnv('AWS_ENDPOINT_URL', fake.url);
  // S3 Control puts the account id in front of the host, which needs a name, not an IP address.
  vi.stubEnv('AWS_ENDPOINT_URL_S3_CONTROL', fake.localhostUrl);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_REGION', HOME);
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/aws-config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/aws-credentials');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
}

const running: FakeAws[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(running.splice(0).map((fake) => fake.stop()));
});

export async function startFakeAws(
  options: { rows?: ResponseRow[]; faults?: Fault[] } = {},
): Promise<FakeAws> {
  const fake = new FakeAws({
    managementAccount: MANAGEMENT,
    rows: options.rows ?? orgEstateRows(),
    faults: options.faults ?? [],
  });
  await fake.start();
  running.push(fake);
  pointSdkAt(fake);
  return fake;
}

export const ORG_OPTIONS: CollectOptions = {
  workload: 'acme',
  org: true,
  regions: [HOME, OPT_IN],
  maxAttempts: 3,
};

/** Collects with the real SDK clients and returns the snapshot (with a fixed time) and the progress events. */
export async function collect(
  options: Partial<CollectOptions> = {},
): Promise<{ inventory: Inventory; events: ProgressEvent[] }> {
  const events: ProgressEvent[] = [];
  const inventory = await collectInventory({ ...ORG_OPTIONS, ...options }, (event) => events.push(event));
  return { inventory: { ...inventory, collectedAt: COLLECTED_AT }, events };
}
