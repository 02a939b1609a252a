import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBenchSnapshot } from '../../bench/evaluate/estate.ts';
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import type { ResultsDocument } from '../../src/engine/results.ts';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { readInventory } from '../../src/inventory/store.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const now = new Date('2026-11-27T09:00:00Z');

function resultLines(document: ResultsDocument): string[] {
  return document.results.map((result) =>
    [
      result.status,
      result.checkId,
      result.findingKey,
      result.resource.arn,
      result.resource.name,
      result.resource.type ?? '',
      result.messageId ?? '',
      JSON.stringify(result.details ?? {}),
      result.evidence,
    ].join('\t'),
  );
}

/**
 * The engine's output for the bundled estate, line by line, against the committed expectation: a change to
 * the evaluation loop, the snapshot reader or the results writer must not change a single result.
 * A change to a check's verdicts or evidence updates the expectation on purpose: `npx vitest run -u <this file>`.
 */
describe('evaluation results', () => {
  it('of the bundled estate are the expected statuses, finding keys and evidence, in order', async () => {
    const document = evaluateChecks(await loadChecks(), loadDemoEstate(), { now });
    await expect(`${resultLines(document).join('\n')}\n`).toMatchFileSnapshot(
      './__expected__/demo-results.tsv',
    );
    await expect(`${JSON.stringify(document.summary, null, 2)}\n`).toMatchFileSnapshot(
      './__expected__/demo-summary.json',
    );
  });

  it('of a synthetic estate read from its snapshot file are the expected ones (digest)', async () => {
    const path = join(tempDir(), 'estate.json.gz');
    await writeBenchSnapshot(path, 5000);
    const document = evaluateChecks(await loadChecks(), await readInventory(path), { now });
    const lines = resultLines(document);
    const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
    await expect(
      `${JSON.stringify({ results: lines.length, sha256: digest, summary: document.summary.total }, null, 2)}\n`,
    ).toMatchFileSnapshot('./__expected__/synthetic-estate.json');
  });
});
