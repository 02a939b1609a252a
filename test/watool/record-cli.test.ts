import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { customLensSchema } from '../../src/watool/custom-lens.ts';
import { FakeWaTool } from './fake-wa-tool.ts';
import { standardResults } from './fixtures.ts';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/wareview.js');

let fake: FakeWaTool;
let dir: string;
let resultsFile: string;
let configFile: string;

beforeAll(async () => {
  fake = new FakeWaTool();
  const endpoint = await fake.start();
  dir = await mkdtemp(join(tmpdir(), 'wareview-record-cli-'));
  resultsFile = join(dir, 'results.json');
  configFile = join(dir, 'wareview.config.yaml');
  await writeFile(configFile, '{}\n');
  await writeFile(resultsFile, JSON.stringify(standardResults(), null, 2));
  // For the in-process runs: the same standard settings a user would export.
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_ENDPOINT_URL_WELLARCHITECTED: endpoint,
  });
});

afterAll(async () => {
  await fake.stop();
  await rm(dir, { recursive: true, force: true });
});

/** `wareview …` in this process (with an empty config): the start-up through bin/ is covered by the spawned runs. */
async function wareviewInProcess(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = { log: [] as string[], error: [] as string[] };
  const spies = (['log', 'error'] as const).map((stream) =>
    vi.spyOn(console, stream).mockImplementation((...parts: unknown[]) => {
      output[stream].push(parts.join(' '));
    }),
  );
  try {
    const code = await main([...args, '--config', configFile]);
    return { code, stdout: output.log.join('\n'), stderr: output.error.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** `wareview …` as a user runs it, with the SDK's standard settings pointing at the local WA Tool. */
async function wareview(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_ENDPOINT_URL_WELLARCHITECTED: fake.endpoint,
  };
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { cwd: dir, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('wareview record', () => {
  it('--dry-run prints the changes question by question and writes nothing', async () => {
    const { code, stdout } = await wareview('record', '--results', resultsFile, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain('Would create workload "orders-platform"');
    expect(stdout).toContain('[securely-operate] How do you securely operate your workload? (would change)');
    expect(stdout).toContain('  + sec_securely_operate_multi_accounts');
    expect(stdout).toContain('    + RISK Secure account root user and properties');
    expect(fake.workloads.size).toBe(0);
  });

  it('records through the endpoint from AWS_ENDPOINT_URL_WELLARCHITECTED and saves the PDF beside the results', async () => {
    const { code, stdout } = await wareview('record', '--results', resultsFile);
    expect(code).toBe(0);
    expect(stdout).toContain('Milestone 1: wareview 2026-11-27 02:20 UTC');
    expect(stdout).toContain('wa-tool-lens-review.pdf in the run folder');
    expect(stdout).toMatch(/Risks in the WA Tool \(wellarchitected\): HIGH \d+/);
    expect((await readFile(join(dir, 'wa-tool-lens-review.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fake.workloads.size).toBe(1);
  });

  it.each([
    [['--workload-id', 'not-an-id'], /not a WA Tool workload id/],
    [['--workload-name', 'ab'], /the WA Tool accepts 3 to 100/],
    [['--lens', 'serverless'], /no mapping from its checks to lens "serverless"/],
  ])('refuses %j with exit code 2 and advice', async (extra, message) => {
    const { code, stderr } = await wareviewInProcess(
      'record',
      '--results',
      resultsFile,
      '--dry-run',
      ...extra,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('→');
  });

  it('reports a corrupt results file as a user error', async () => {
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"schemaVersion": 1, "results": [');
    const { code, stderr } = await wareviewInProcess('record', '--results', corrupt);
    expect(code).toBe(2);
    expect(stderr).toContain('not valid JSON');
  });
});

describe('wareview lens', () => {
  it('export --out writes a lens that passes the format schema', async () => {
    const out = join(dir, 'wareview-lens.json');
    const { code } = await wareviewInProcess('lens', 'export', '--out', out);
    expect(code).toBe(0);
    const lens = customLensSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(lens.name).toBe('wareview checks');
  });

  it('import --file publishes it in the WA Tool, and a broken file is refused with advice', async () => {
    const { code, stdout } = await wareviewInProcess(
      'lens',
      'import',
      '--file',
      join(dir, 'wareview-lens.json'),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Imported lens "wareview checks": arn:aws:wellarchitected:.*Published version v[0-9a-f]{12}/s,
    );
    expect(fake.callsOf('CreateLensVersion')).toHaveLength(1);

    const broken = join(dir, 'broken-lens.json');
    await writeFile(
      broken,
      JSON.stringify({ schemaVersion: '2021-11-01', name: 'x', description: 'y', pillars: [] }),
    );
    const refused = await wareviewInProcess('lens', 'import', '--file', broken);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("breaks the WA Tool's lens format");
    expect(fake.callsOf('ImportLens')).toHaveLength(1);
  });
});

describe('wareview review --demo --record', () => {
  it('records the demo run, shows the WA Tool risk counts in the report, and a second look plans no change', async () => {
    const out = join(dir, 'demo-run');
    const review = await wareview('review', '--demo', '--record', '--out', out, '--format', 'md');
    expect(review.stderr).not.toContain('internal error');
    const workload = [...fake.workloads.values()].find(
      (candidate) => candidate.WorkloadName === 'shop-platform',
    );
    expect(workload).toBeDefined();
    expect(fake.milestones.get(workload!.WorkloadId)).toHaveLength(1);
    expect((await readFile(join(out, 'wa-tool-lens-review.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    const counts = fake.riskCounts(workload!, 'wellarchitected');
    const report = await readFile(join(out, 'report.md'), 'utf8');
    expect(report).toContain(`**${counts.HIGH}**`);
    expect(report).toContain(`**${counts.UNANSWERED}**`);

    const again = await wareview('record', '--results', join(out, 'results.json'), '--dry-run');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\d+ question\(s\) with evidence; 0 would change\./);
  });

  it('review --record writes the run folder even when recording fails, exits 5, and record --results finishes', async () => {
    const out = join(dir, 'denied-run');
    fake.faults.push({ operation: 'ListWorkloads', times: 1, error: 'AccessDeniedException' });
    const review = await wareviewInProcess(
      'review',
      '--demo',
      '--record',
      '--workload-name',
      'denied-platform',
      '--out',
      out,
      '--format',
      'md',
    );
    expect(review.code).toBe(5);
    expect(review.stderr).toContain('recording in the WA Tool failed');
    expect(review.stderr).toContain(`record --results ${join(out, 'results.json')}`);
    for (const file of ['inventory.json.gz', 'results.json', 'report.md']) {
      expect((await readFile(join(out, file))).length, file).toBeGreaterThan(0);
    }

    const finish = await wareviewInProcess(
      'record',
      '--results',
      join(out, 'results.json'),
      '--workload-name',
      'denied-platform',
    );
    expect(finish.code).toBe(0);
    const workload = [...fake.workloads.values()].find(
      (candidate) => candidate.WorkloadName === 'denied-platform',
    );
    expect(fake.milestones.get(workload!.WorkloadId)).toHaveLength(1);
  });
});
