import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isReadOnlyOperation } from '../../src/aws/iam-actions.ts';
import { readInventory } from '../../src/inventory/store.ts';
import { HOME, MANAGEMENT, OPT_IN, orgEstateRows, PROD, SANDBOX } from '../aws/fake/org-estate.ts';
import { FakeAws } from '../aws/fake/server.ts';
import { runCli } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const servers: FakeAws[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((fake) => fake.stop()));
});

async function fakeEnv(): Promise<NodeJS.ProcessEnv> {
  const fake = new FakeAws({ managementAccount: MANAGEMENT, rows: orgEstateRows() });
  await fake.start();
  servers.push(fake);
  return {
    AWS_ENDPOINT_URL: fake.url,
    AWS_ENDPOINT_URL_S3_CONTROL: fake.localhostUrl,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: HOME,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    CI: 'true',
  };
}

describe('wareview collect', () => {
  it('writes inventory.json.gz for an organization, with the coverage gaps, and logs progress lines in CI', async () => {
    const env = await fakeEnv();
    const out = join(tempDir(), 'scan');
    const run = await runCli(['collect', '--org', '--regions', `${HOME},${OPT_IN}`, '--out', out], {
      env,
      cwd: tempDir(),
    });
    expect(run.stderr).toContain('collect: 2 account(s) × 2 region(s)');
    expect(run.stderr).toContain(
      `collect: gap: could not read anything in ${SANDBOX} (all regions): assume-role-failed [sts:AssumeRole]`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/wrote .*inventory\.json\.gz: \d+ resources, 2 coverage gap\(s\)/);
    const inventory = await readInventory(join(out, 'inventory.json.gz'));
    expect(inventory.scope).toEqual({
      accounts: [MANAGEMENT, PROD, SANDBOX],
      regions: [HOME, OPT_IN],
      organization: true,
    });
    expect(inventory.coverage.map((gap) => [gap.accountId, gap.region, gap.reason])).toEqual([
      [PROD, OPT_IN, 'opt-in-required'],
      [SANDBOX, '*', 'assume-role-failed'],
    ]);
    expect(readdirSync(out)).toEqual(['inventory.json.gz']);
  });

  it('--json-log prints one JSON object per line; --out FILE.json.gz names the file', async () => {
    const env = await fakeEnv();
    const file = join(tempDir(), 'acme.json.gz');
    const run = await runCli(
      ['collect', '--regions', HOME, '--checks', 'rds-*', '--json-log', '--out', file],
      { env },
    );
    expect(run.code).toBe(0);
    const events = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { type: string });
    expect(events[0]?.type).toBe('scope');
    expect(events.at(-1)?.type).toBe('done');
    expect(existsSync(file)).toBe(true);
  });

  it('a bad flag exits with 2 and a hint, and writes nothing', async () => {
    const env = await fakeEnv();
    const dir = tempDir();
    const run = await runCli(['collect', '--quiet', '--out', dir, '--regions', 'xx-nowhere-1'], { env });
    expect(run.stderr).toContain('unknown region: xx-nowhere-1');
    expect(run.stderr).toContain('Known regions: ');
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'inventory.json.gz'))).toBe(false);
  });

  it('without credentials says how to give them, and writes nothing', async () => {
    const env = await fakeEnv();
    const dir = tempDir();
    const run = await runCli(['collect', '--quiet', '--out', dir], {
      env: { ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot identify the AWS caller');
    expect(run.stderr).toContain('--profile');
    expect(existsSync(join(dir, 'inventory.json.gz'))).toBe(false);
  });
});

describe('wareview iam-policy', () => {
  it.each([{ args: ['--org', '--role-name', 'ReadOnlyAudit'], org: true }])(
    '$args prints a valid read-only IAM policy',
    async ({ args, org }) => {
      const run = await runCli(['iam-policy', ...args]);
      expect(run.code).toBe(0);
      const policy = JSON.parse(run.stdout) as {
        Version: string;
        Statement: { Sid: string; Effect: string; Action: string | string[]; Resource: string }[];
      };
      expect(policy.Version).toBe('2012-10-17');
      const [read, assume] = policy.Statement;
      expect(read?.Effect).toBe('Allow');
      expect(read?.Resource).toBe('*');
      const actions = read?.Action as string[];
      expect(actions.length).toBeGreaterThan(3);
      for (const action of actions) {
        expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
        expect(isReadOnlyOperation(action.split(':')[1] ?? '')).toBe(true);
      }
      expect(new Set(actions).size).toBe(actions.length);
      if (org) {
        expect(assume).toEqual({
          Sid: 'WareviewAssumeMemberRole',
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: 'arn:aws:iam::*:role/ReadOnlyAudit',
        });
        expect(actions).toContain('organizations:ListAccountsForParent');
      } else expect(policy.Statement).toHaveLength(1);
    },
  );
});
