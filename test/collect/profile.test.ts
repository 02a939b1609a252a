import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MANAGEMENT } from '../aws/fake/org-estate.ts';
import { collect, startFakeAws } from './harness.ts';

describe('--profile', () => {
  it('uses the credentials, region and endpoint_url of the named profile, like the AWS CLI', async () => {
    const fake = await startFakeAws();
    const dir = mkdtempSync(join(tmpdir(), 'wareview-profile-'));
    const config = join(dir, 'config');
    writeFileSync(
      config,
      `[profile emulator]\nregion = eu-west-1\naws_access_key_id = test\naws_secret_access_key = test\nendpoint_url = ${fake.url}\n`,
    );
    for (const name of [
      'AWS_ENDPOINT_URL',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
    ]) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv('AWS_CONFIG_FILE', config);
    const { inventory } = await collect({
      profile: 'emulator',
      org: false,
      regions: ['eu-west-1'],
      needs: ['iam.accountSummaries'],
    });
    expect(inventory.iam.accountSummaries.map((summary) => summary.accountId)).toEqual([MANAGEMENT]);
    expect(fake.calls.map((call) => call.operation).sort()).toEqual([
      'DescribeRegions',
      'GetAccountSummary',
      'GetCallerIdentity',
      'ListAccountAliases',
    ]);
  });
});
