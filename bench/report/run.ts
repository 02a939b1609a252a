/**
 * Report benchmark: renders a synthetic results document with 20,000 failing findings to every format
 * and prints time and size per format. Run with `node --import tsx bench/report/run.ts [findings]`.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReports, REPORT_FORMATS } from '../../src/report/index.ts';
import { syntheticResults } from './synthetic.ts';

const findings = Number(process.argv[2] ?? 20_000);
const results = syntheticResults(findings);
const dir = await mkdtemp(join(tmpdir(), 'wareview-bench-report-'));
try {
  console.log(`| format | time (s) | size |`);
  console.log(`|---|---:|---:|`);
  let total = 0;
  for (const format of REPORT_FORMATS) {
    const started = performance.now();
    const outcome = await renderReports(results, { outDir: dir, formats: [format] });
    const seconds = (performance.now() - started) / 1000;
    total += seconds;
    if (outcome.failed.length > 0) throw outcome.failed[0]!.error;
    const size = (await stat(outcome.written[0]!)).size;
    const pages =
      format === 'pdf'
        ? ` (${(await readFile(outcome.written[0]!, 'latin1')).match(/\/Type\s*\/Page\b/g)?.length} pages)`
        : '';
    console.log(`| ${format} | ${seconds.toFixed(1)} | ${(size / 1024 / 1024).toFixed(1)} MiB${pages} |`);
  }
  console.log(`| all seven, one after another | ${total.toFixed(1)} | |`);
  const started = performance.now();
  const outcome = await renderReports(results, { outDir: dir, formats: [...REPORT_FORMATS] });
  console.log(
    `| all seven in one call (shared model and view) | ${((performance.now() - started) / 1000).toFixed(1)} | |`,
  );
  if (outcome.failed.length > 0) throw outcome.failed[0]!.error;
  console.log(
    `\n${findings} failing findings, ${results.results.length} results, peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
