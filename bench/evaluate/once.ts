/**
 * One measured evaluation, in its own process so its peak RSS is its own: reads the snapshot, runs every
 * built-in check and writes results.json, then prints one JSON line with the phases' times and the peak RSS.
 *
 *   node --import tsx bench/evaluate/once.ts SNAPSHOT RESULTS
 */
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { writeResults } from '../../src/engine/results-store.ts';
import { readInventory } from '../../src/inventory/store.ts';

const [snapshot, resultsPath] = process.argv.slice(2);
if (!snapshot || !resultsPath) throw new Error('usage: once.ts SNAPSHOT RESULTS');

const checks = await loadChecks();
const started = performance.now();
const inventory = await readInventory(snapshot);
const read = performance.now();
const results = evaluateChecks(checks, inventory, { now: new Date('2026-11-27T10:00:00.000Z') });
const evaluated = performance.now();
await writeResults(resultsPath, results);
const written = performance.now();

console.log(
  JSON.stringify({
    checks: checks.length,
    results: results.results.length,
    readMs: read - started,
    evaluateMs: evaluated - read,
    writeMs: written - evaluated,
    totalMs: written - started,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
