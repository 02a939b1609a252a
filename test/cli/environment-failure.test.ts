import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeWaTool } from '../watool/fake-wa-tool.ts';
import { standardResults } from '../watool/fixtures.ts';
import { runCli } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const CREDENTIALS = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_EC2_METADATA_DISABLED: 'true',
};

let fake: FakeWaTool | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** A port nothing listens on: the connection is refused at once. */
const DEAD_ENDPOINT = 'http://127.0.0.1:9';
/** The WA Tool client backs off between its six attempts; the CLI's start-up adds to that on a busy machine. */
const RETRIES_EXHAUSTED_TIMEOUT_MS = 180_000;

describe('the environment failed: exit 4, not a usage error', () => {
  it(
    'record: WA Tool throttling that outlasts the retries',
    async () => {
      fake = new FakeWaTool();
      const endpoint = await fake.start();
      fake.faults.push({ operation: 'ListWorkloads', times: 1_000 });
      const dir = tempDir();
      writeFileSync(join(dir, 'results.json'), JSON.stringify(standardResults()));
      const run = await runCli(['record', '--results', join(dir, 'results.json')], {
        cwd: dir,
        env: { ...CREDENTIALS, AWS_ENDPOINT_URL_WELLARCHITECTED: endpoint },
      });
      expect(run.stderr).toMatch(/WA Tool ListWorkloads failed after retries: .*ThrottlingException/);
      expect(run.stderr).toMatch(/run the same command again in a minute/i);
      expect(run.code).toBe(4);
    },
    RETRIES_EXHAUSTED_TIMEOUT_MS,
  );

  it(
    'record: the WA Tool endpoint cannot be reached',
    async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'results.json'), JSON.stringify(standardResults()));
      const run = await runCli(['record', '--results', join(dir, 'results.json')], {
        cwd: dir,
        env: { ...CREDENTIALS, AWS_ENDPOINT_URL_WELLARCHITECTED: DEAD_ENDPOINT },
      });
      expect(run.stderr).toMatch(/failed after retries: .*ECONNREFUSED/);
      expect(run.code).toBe(4);
    },
    RETRIES_EXHAUSTED_TIMEOUT_MS,
  );

  it(
    'collect: AWS cannot be reached',
    async () => {
      const dir = tempDir();
      const run = await runCli(['collect', '--regions', 'eu-west-1', '--max-attempts', '1', '--quiet'], {
        cwd: dir,
        env: { ...CREDENTIALS, AWS_ENDPOINT_URL: DEAD_ENDPOINT },
      });
      expect(run.stderr).toMatch(/cannot reach AWS STS: .*ECONNREFUSED/);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(4);
    },
    RETRIES_EXHAUSTED_TIMEOUT_MS,
  );
});
