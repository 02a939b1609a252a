import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { userError, describeError } from '../errors.ts';
import { formatZodIssues } from '../util/zod-issues.ts';
import { inventorySchema, SNAPSHOT_VERSION, type Inventory, type InventoryInput } from './schema.ts';

/** Validates a parsed snapshot document; `source` names it in errors (a path, or "bundled estate"). */
export function parseInventory(document: unknown, source: string): Inventory {
  const version = (document as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SNAPSHOT_VERSION) {
    throw userError(
      'SNAPSHOT_TOO_NEW',
      `${source}: snapshot schema version ${version} is newer than this wareview reads (${SNAPSHOT_VERSION})`,
      'Upgrade wareview, or collect the snapshot again with this version.',
    );
  }
  const parsed = inventorySchema.safeParse(document);
  if (!parsed.success) {
    throw userError(
      'SNAPSHOT_INVALID',
      `${source}: not a valid wareview inventory snapshot:\n${formatZodIssues(parsed.error.issues)}`,
      'Collect the snapshot again with `wareview collect`, or fix the listed fields.',
    );
  }
  return markValidated(parsed.data);
}

/** Reads a snapshot: gzipped JSON (`.json.gz`) or plain JSON, validated against the schema. */
export async function readInventory(path: string): Promise<Inventory> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    throw userError(
      'SNAPSHOT_UNREADABLE',
      `${path}: cannot read the snapshot (${describeError(error)})`,
      'Check the path; `wareview collect` writes inventory.json.gz into the output folder.',
      error,
    );
  }
  let text: string;
  try {
    text = isGzip(raw) ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  } catch (error) {
    throw userError(
      'SNAPSHOT_CORRUPT',
      `${path}: the gzip data is corrupt or truncated (${describeError(error)})`,
      'The file was cut short or damaged; collect the snapshot again.',
      error,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw userError(
      'SNAPSHOT_CORRUPT',
      `${path}: not valid JSON (${describeError(error)})`,
      'The file was cut short or damaged; collect the snapshot again.',
      error,
    );
  }
  return parseInventory(document, path);
}

/** Snapshots that passed the schema in this process: writing them again need not re-validate a copy. */
const validated = new WeakSet<object>();

/** Marks a snapshot that was built from parts each validated against the schema (as `collect` does). */
export function markValidated(inventory: Inventory): Inventory {
  validated.add(inventory);
  return inventory;
}

/**
 * Writes a snapshot as gzipped JSON, atomically. It is validated first unless it already was; the JSON
 * is streamed through gzip element by element, so a large estate is never held twice in memory.
 */
export async function writeInventory(
  path: string,
  inventory: InventoryInput | Inventory,
): Promise<Inventory> {
  const valid = validated.has(inventory)
    ? (inventory as Inventory)
    : parseInventory(inventory, 'snapshot to write');
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await pipeline(Readable.from(batched(jsonChunks(valid, 2))), createGzip(), createWriteStream(temporary));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return valid;
}

/** The JSON text of `value` in pieces: objects down to `depth` and arrays are opened up element by element. */
export function* jsonChunks(value: unknown, depth: number): Generator<string> {
  if (Array.isArray(value)) {
    yield '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) yield ',';
      yield JSON.stringify(value[index] ?? null);
    }
    yield ']';
  } else if (depth > 0 && value !== null && typeof value === 'object' && !(value instanceof Date)) {
    yield '{';
    let first = true;
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined || typeof child === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonChunks(child, depth - 1);
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

/** Joins small pieces into ~64 KiB strings: one stream write per element would be slow. */
function* batched(chunks: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function isGzip(data: Buffer): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}
