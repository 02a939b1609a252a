import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientFactory } from '../../src/aws/clients.ts';
import { baseCredentials } from '../../src/aws/credentials.ts';
import { createHttpHandler } from '../../src/aws/http.ts';
import { ConcurrencyLimits } from '../../src/aws/limits.ts';
import { identityAnswers, regionsAnswer } from './fake/answers.ts';
import { FakeAws } from './fake/server.ts';

const ACCOUNT = '111111111111';
const servers: FakeAws[] = [];

async function fakeAws(): Promise<FakeAws> {
  const fake = new FakeAws({
    managementAccount: ACCOUNT,
    rows: [...identityAnswers(ACCOUNT), regionsAnswer(ACCOUNT, ['eu-west-1'], [])],
  });
  await fake.start();
  servers.push(fake);
  return fake;
}

function factory(profile?: string) {
  return new ClientFactory({
    credentialsFor: () => baseCredentials(profile),
    httpHandler: createHttpHandler({ connectTimeoutMs: 1_000, requestTimeoutMs: 5_000, maxSockets: 4 }),
    limits: new ConcurrencyLimits({ global: 4, perAccountRegion: 2 }),
    maxAttempts: 1,
    profile,
  });
}

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((fake) => fake.stop()));
});

function isolateFromHost(configFile = '/nonexistent/aws-config') {
  vi.stubEnv('AWS_CONFIG_FILE', configFile);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/aws-credentials');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_ENDPOINT_URL', undefined);
  vi.stubEnv('AWS_ENDPOINT_URL_EC2', undefined);
  vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
  vi.stubEnv('AWS_PROFILE', undefined);
}

async function callBoth(clients: ClientFactory) {
  await clients.get(EC2Client, ACCOUNT, 'eu-west-1').send(new DescribeRegionsCommand({}));
  await clients.get(STSClient, ACCOUNT, 'eu-west-1').send(new GetCallerIdentityCommand({}));
  clients.destroy();
}

describe('endpoint settings of the SDK are honoured (no endpoint is passed by wareview)', () => {
  it('AWS_ENDPOINT_URL_<SERVICE> wins over AWS_ENDPOINT_URL for its service only', async () => {
    const [general, ec2Only] = [await fakeAws(), await fakeAws()];
    isolateFromHost();
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    vi.stubEnv('AWS_ENDPOINT_URL', general.url);
    vi.stubEnv('AWS_ENDPOINT_URL_EC2', ec2Only.url);
    await callBoth(factory());
    expect(general.calls.map((call) => call.operation)).toEqual(['GetCallerIdentity']);
    expect(ec2Only.calls.map((call) => call.operation)).toEqual(['DescribeRegions']);
  });

  it.each([
    { title: 'endpoint_url of the profile', section: (url: string) => `endpoint_url = ${url}` },
    {
      title: 'a services section of the profile',
      section: (url: string) =>
        `services = local\n\n[services local]\nec2 =\n  endpoint_url = ${url}\nsts =\n  endpoint_url = ${url}`,
    },
  ])('the profile AWS_PROFILE names, with $title', async ({ section }) => {
    const fake = await fakeAws();
    const dir = mkdtempSync(join(tmpdir(), 'wareview-profile-'));
    const config = join(dir, 'config');
    writeFileSync(
      config,
      `[profile emulator]\nregion = eu-west-1\naws_access_key_id = test\naws_secret_access_key = test\n${section(fake.url)}\n`,
    );
    isolateFromHost(config);
    vi.stubEnv('AWS_PROFILE', 'emulator');
    await callBoth(factory('emulator'));
    expect(fake.calls.map((call) => call.operation)).toEqual(['DescribeRegions', 'GetCallerIdentity']);
  });

  it('gives one client per service, account and region and reuses it', () => {
    isolateFromHost();
    const clients = factory();
    const first = clients.get(EC2Client, ACCOUNT, 'eu-west-1');
    expect(clients.get(EC2Client, ACCOUNT, 'eu-west-1')).toBe(first);
    expect(clients.get(EC2Client, ACCOUNT, 'us-east-1')).not.toBe(first);
    expect(clients.get(EC2Client, '222222222222', 'eu-west-1')).not.toBe(first);
    expect(clients.size).toBe(3);
    clients.destroy();
  });
});
