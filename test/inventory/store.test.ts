import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { jsonChunks, readInventory, writeInventory } from '../../src/inventory/store.ts';
import { isWareviewError } from '../../src/errors.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string; hint?: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isWareviewError(error)) throw new Error(`expected a WareviewError, got ${String(error)}`);
  return { code: error.code, message: error.message, hint: error.hint };
}

describe('inventory snapshot store', () => {
  it('writes gzipped JSON and reads back the same snapshot', async () => {
    const path = join(tempDir(), 'inventory.json.gz');
    const demo = loadDemoEstate();
    await writeInventory(path, demo);
    expect(readFileSync(path).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(await readInventory(path)).toEqual(demo);
  });

  it('reads a plain, indented JSON snapshot as older tools and hand edits leave it', async () => {
    const path = join(tempDir(), 'inventory.json');
    writeFileSync(path, JSON.stringify(loadDemoEstate(), null, 2));
    expect(await readInventory(path)).toEqual(loadDemoEstate());
  });

  const demoText = () => JSON.stringify(loadDemoEstate());
  it.each([
    ['a missing file', null, 'SNAPSHOT_UNREADABLE', 'cannot read'],
    [
      'corrupt gzip',
      () => Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('garbage garbage')]),
      'SNAPSHOT_CORRUPT',
      'gzip',
    ],
    ['a truncated gzip', () => gzipSync(demoText()).subarray(0, 500), 'SNAPSHOT_CORRUPT', 'truncated'],
    [
      'plain text that is not JSON',
      () => Buffer.from('{"schemaVersion": 1,'),
      'SNAPSHOT_CORRUPT',
      'not valid JSON',
    ],
    [
      'a newer schema version',
      () => gzipSync(JSON.stringify({ ...loadDemoEstate(), schemaVersion: 99 })),
      'SNAPSHOT_TOO_NEW',
      'version 99',
    ],
    [
      'a wrong field type',
      () => gzipSync(demoText().replace('"multiAz":false', '"multiAz":"no"')),
      'SNAPSHOT_INVALID',
      'rds.instances.0.multiAz',
    ],
    [
      'an unknown top-level part',
      () => gzipSync(JSON.stringify({ ...loadDemoEstate(), lambda: {} })),
      'SNAPSHOT_INVALID',
      'lambda',
    ],
  ])('%s gives one clear error naming the file', async (_name, content, code, fragment) => {
    const path = join(tempDir(), 'inventory.json.gz');
    if (content) writeFileSync(path, content());
    const error = await errorOf(readInventory(path));
    expect(error.code).toBe(code);
    expect(error.message).toContain(path);
    expect(error.message).toContain(fragment);
    expect(error.hint).toBeTruthy();
  });

  it('refuses to write an invalid snapshot and leaves no file behind', async () => {
    const path = join(tempDir(), 'inventory.json.gz');
    const broken = { ...loadDemoEstate(), accounts: [{ id: 'not-an-account' }] };
    await expect(writeInventory(path, broken as never)).rejects.toThrow(/accounts\.0\.id/);
    expect(() => readFileSync(path)).toThrow();
  });
});

describe('jsonChunks', () => {
  it.each([
    ['the bundled estate', loadDemoEstate()],
    [
      'undefined and function members are left out like JSON.stringify does',
      { a: undefined, b: () => 1, c: [undefined, 1], d: { e: undefined } },
    ],
    ['empty containers and scalars', { a: [], b: {}, c: null, d: 'x"y', e: 1.5, f: true }],
  ])('streams %s as the same JSON text', (_name, value) => {
    expect([...jsonChunks(value, 2)].join('')).toBe(JSON.stringify(value));
  });
});
