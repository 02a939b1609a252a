import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatChecksMarkdown } from '../../src/engine/catalog.ts';
import { loadChecks } from '../../src/engine/loader.ts';

describe('docs/checks.md', () => {
  it('is generated from the check metadata and up to date (npm run docs regenerates it)', async () => {
    const expected = formatChecksMarkdown(await loadChecks());
    const actual = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    expect(actual).toBe(expected);
  });
});
