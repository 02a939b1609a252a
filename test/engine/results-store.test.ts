import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { readResults, writeResults } from '../../src/engine/results-store.ts';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const demoResults = evaluateChecks(await loadChecks(), loadDemoEstate(), {
  now: new Date('2026-11-27T09:00:00Z'),
});

describe('results.json', () => {
  it.each([
    ['the bundled estate', demoResults],
    ['a run without results', { ...demoResults, results: [], warnings: [] }],
  ])('written as a stream, reads back as %s', async (_name, document) => {
    const path = join(tempDir(), 'results.json');
    await writeResults(path, document);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));
    expect(await readResults(path)).toEqual(document);
  });

  it('keeps one result per line, so results diff and grep line by line', async () => {
    const path = join(tempDir(), 'results.json');
    await writeResults(path, demoResults);
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const result of demoResults.results) {
      expect(lines).toContain(
        `    ${JSON.stringify(result)}${result === demoResults.results.at(-1) ? '' : ','}`,
      );
    }
  });
});
