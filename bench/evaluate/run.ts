/**
 * Evaluate benchmark: generates synthetic snapshots (cached in the temp folder) and times `evaluate` end to
 * end (read the snapshot, run every built-in check, write results.json) in a fresh process per run.
 *
 *   node --import tsx bench/evaluate/run.ts [--resources 55000,1000000] [--runs 5]
 *
 * Prints, per size, the median and the spread (min–max) of the wall time and the peak RSS.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { accountsFor, resourcesPerAccount, writeBenchSnapshot } from './estate.ts';

interface Run {
  checks: number;
  results: number;
  readMs: number;
  evaluateMs: number;
  writeMs: number;
  totalMs: number;
  peakRssMiB: number;
}

const { values } = parseArgs({
  options: {
    resources: { type: 'string', default: '55000,1000000' },
    runs: { type: 'string', default: '5' },
  },
});
const sizes = values.resources.split(',').map(Number);
const runs = Number(values.runs);
const cache = join(tmpdir(), 'wareview-bench-evaluate');
mkdirSync(cache, { recursive: true });
const once = fileURLToPath(new URL('./once.ts', import.meta.url));

async function snapshotFor(resources: number): Promise<string> {
  const path = join(cache, `estate-${resources}.json.gz`);
  if (!existsSync(path)) {
    const started = performance.now();
    await writeBenchSnapshot(path, resources);
    console.log(`generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return path;
}

async function measure(snapshot: string): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'wareview-bench-results-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', once, snapshot, join(out, 'results.json')],
      { maxBuffer: 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Run;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function spread(values: number[], digits: number): string {
  const round = (value: number) => value.toFixed(digits);
  return `${round(median(values))} (${round(Math.min(...values))}–${round(Math.max(...values))})`;
}

for (const target of sizes) {
  const snapshot = await snapshotFor(target);
  const accounts = accountsFor(target);
  const samples: Run[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await measure(snapshot));
  const pick = (key: keyof Run) => samples.map((sample) => sample[key]);
  console.log(
    [
      `${accounts * resourcesPerAccount()} resources (${accounts} accounts), ${samples[0]!.checks} checks, ` +
        `${samples[0]!.results} results, snapshot ${(statSync(snapshot).size / 2 ** 20).toFixed(1)} MiB gzipped, ${runs} runs`,
      `  total     ${spread(
        pick('totalMs').map((ms) => ms / 1000),
        2,
      )} s`,
      `  read      ${spread(
        pick('readMs').map((ms) => ms / 1000),
        2,
      )} s`,
      `  evaluate  ${spread(
        pick('evaluateMs').map((ms) => ms / 1000),
        2,
      )} s`,
      `  write     ${spread(
        pick('writeMs').map((ms) => ms / 1000),
        2,
      )} s`,
      `  peak RSS  ${spread(pick('peakRssMiB'), 0)} MiB`,
    ].join('\n'),
  );
}
