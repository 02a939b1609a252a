/**
 * Scan benchmark: collects the synthetic organization (50 accounts × 4 regions, ~100 k resources) from a
 * local endpoint that adds 40 ms to every call, then writes the snapshot as `collect` does.
 *
 *   node --import tsx bench/scan/run.ts [--accounts 50] [--concurrency 48]
 *
 * Prints wall time, API calls, calls per resource, peak memory and the ratio to the ideal
 * (calls × latency ÷ allowed concurrency), plus a sequential sample (one call at a time) for comparison.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CONCURRENCY } from '../../src/aws/limits.ts';
import { collectInventory, countResources, type CollectSummary } from '../../src/collect/index.ts';
import { writeInventory } from '../../src/inventory/store.ts';
import { ACCOUNTS, accountId, expectedResources, REGIONS } from './estate.ts';

const LATENCY_MS = 40;
const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: String(ACCOUNTS) },
    concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY.global) },
  },
});
const concurrency = Number(values.concurrency);

async function startEndpoint(): Promise<{
  child: ChildProcess;
  url: string;
  localhostUrl: string;
  lines: AsyncIterator<string>;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))],
    {
      env: { ...process.env, SCAN_BENCH_LATENCY_MS: String(LATENCY_MS) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  const { url, localhostUrl } = JSON.parse(String(first.value)) as { url: string; localhostUrl: string };
  return { child, url, localhostUrl, lines };
}

async function collectOnce(options: {
  accounts?: string[];
  regions: string[];
  global: number;
  perAccountRegion: number;
}) {
  let summary: CollectSummary | undefined;
  const started = performance.now();
  const inventory = await collectInventory(
    {
      workload: 'bench',
      org: true,
      regions: options.regions,
      accounts: options.accounts ?? [],
      concurrency: { global: options.global, perAccountRegion: options.perAccountRegion },
    },
    (event) => {
      if (event.type === 'done') summary = event.summary;
    },
  );
  return { inventory, summary: summary as CollectSummary, started };
}

const endpoint = await startEndpoint();
Object.assign(process.env, {
  AWS_ENDPOINT_URL: endpoint.url,
  AWS_ENDPOINT_URL_S3_CONTROL: endpoint.localhostUrl,
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: REGIONS[0],
  AWS_CONFIG_FILE: '/nonexistent',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  AWS_EC2_METADATA_DISABLED: 'true',
});
const out = mkdtempSync(join(tmpdir(), 'wareview-scan-bench-'));
try {
  // One call at a time, for one account and one region: the per-call cost without concurrency.
  const sequential = await collectOnce({
    accounts: [accountId(1)],
    regions: [REGIONS[0]!],
    global: 1,
    perAccountRegion: 1,
  });
  const sequentialMsPerCall = (performance.now() - sequential.started) / sequential.summary.calls;

  const accounts = Array.from({ length: Number(values.accounts) }, (_, index) => accountId(index));
  const cpuBefore = process.cpuUsage();
  const run = await collectOnce({
    accounts,
    regions: REGIONS,
    global: concurrency,
    perAccountRegion: DEFAULT_CONCURRENCY.perAccountRegion,
  });
  const collectPeakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  await writeInventory(join(out, 'inventory.json.gz'), run.inventory);
  const wallMs = performance.now() - run.started;
  const cpu = process.cpuUsage(cpuBefore);
  const resources = countResources(run.inventory);
  const calls = run.summary.calls;
  const idealMs = (calls * LATENCY_MS) / concurrency;
  const result = {
    accounts: accounts.length,
    regions: REGIONS.length,
    resources,
    expectedResources: expectedResources(),
    gaps: run.inventory.coverage.length,
    apiCalls: calls,
    retries: run.summary.retries,
    callsPerResource: Number((calls / resources).toFixed(3)),
    wallSeconds: Number((wallMs / 1000).toFixed(1)),
    allowedConcurrency: concurrency,
    idealSeconds: Number((idealMs / 1000).toFixed(1)),
    ratioToIdeal: Number((wallMs / idealMs).toFixed(2)),
    oneAtATimeSeconds: Number(((calls * sequentialMsPerCall) / 1000).toFixed(0)),
    sequentialMsPerCall: Number(sequentialMsPerCall.toFixed(1)),
    speedupOverOneAtATime: Number(((calls * sequentialMsPerCall) / wallMs).toFixed(1)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakRssBeforeWriteMiB: collectPeakMiB,
    collectorCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(1))),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  endpoint.child.kill('SIGTERM');
  const last = await endpoint.lines.next();
  if (last.value) console.log(`endpoint: ${last.value}`);
  rmSync(out, { recursive: true, force: true });
}
