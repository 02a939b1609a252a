import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { userError, describeError } from '../errors.ts';
import { writeChunksAtomic } from '../util/fs-atomic.ts';
import { formatZodIssues } from '../util/zod-issues.ts';
import { compileSchema, INVALID, type Validate } from './compiled-schema.ts';
import { SplitJsonParser } from './split-json.ts';
import { inventorySchema, SNAPSHOT_VERSION, type Inventory, type InventoryInput } from './schema.ts';

/** Validates a parsed snapshot document; `source` names it in errors (a path, or "bundled estate"). */
export function parseInventory(document: unknown, source: string): Inventory {
  refuseNewerVersion(document, source);
  return markValidated(zodParse(document, source));
}

function refuseNewerVersion(document: unknown, source: string): void {
  const version = (document as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SNAPSHOT_VERSION) {
    throw userError(
      'SNAPSHOT_TOO_NEW',
      `${source}: snapshot schema version ${version} is newer than this wareview reads (${SNAPSHOT_VERSION})`,
      'Upgrade wareview, or collect the snapshot again with this version.',
    );
  }
}

function zodParse(document: unknown, source: string): Inventory {
  const parsed = inventorySchema.safeParse(document);
  if (!parsed.success) {
    throw userError(
      'SNAPSHOT_INVALID',
      `${source}: not a valid wareview inventory snapshot:\n${formatZodIssues(parsed.error.issues)}`,
      'Collect the snapshot again with `wareview collect`, or fix the listed fields.',
    );
  }
  return parsed.data;
}

let compiledInventorySchema: Validate | undefined;

/**
 * Validates a document this module just parsed, in place (no copy of a large estate): the compiled schema
 * accepts what zod accepts; a document it rejects goes through zod for zod's messages.
 */
function validateParsed(document: unknown, source: string): Inventory {
  refuseNewerVersion(document, source);
  compiledInventorySchema ??= compileSchema(inventorySchema);
  const valid = compiledInventorySchema(document);
  return markValidated(valid === INVALID ? zodParse(document, source) : (valid as Inventory));
}

/**
 * Reads a snapshot: gzipped JSON (`.json.gz`) or plain JSON, validated against the schema. The file is
 * streamed through gunzip and parsed part by part, so its text is never held whole in memory.
 */
export async function readInventory(path: string): Promise<Inventory> {
  let gzipped: boolean;
  try {
    gzipped = await startsWithGzipMagic(path);
  } catch (error) {
    throw userError(
      'SNAPSHOT_UNREADABLE',
      `${path}: cannot read the snapshot (${describeError(error)})`,
      'Check the path; `wareview collect` writes inventory.json.gz into the output folder.',
      error,
    );
  }
  const parser = new SplitJsonParser();
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const gunzip = gzipped ? createGunzip({ chunkSize: 1024 * 1024 }) : undefined;
  let failedStage: 'read' | 'gzip' | 'json' = 'read';
  const parse = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        parser.push(chunk);
        done();
      } catch (error) {
        failedStage = 'json';
        done(error as Error);
      }
    },
  });
  gunzip?.on('error', () => {
    if (failedStage === 'read') failedStage = 'gzip';
  });
  let document: unknown;
  try {
    await (gunzip ? pipeline(file, gunzip, parse) : pipeline(file, parse));
    failedStage = 'json';
    document = parser.finish();
  } catch (error) {
    throw snapshotReadError(path, failedStage, error);
  }
  return validateParsed(document, path);
}

function snapshotReadError(path: string, stage: 'read' | 'gzip' | 'json', error: unknown): Error {
  if (stage === 'read') {
    return userError(
      'SNAPSHOT_UNREADABLE',
      `${path}: cannot read the snapshot (${describeError(error)})`,
      'Check the path; `wareview collect` writes inventory.json.gz into the output folder.',
      error,
    );
  }
  return userError(
    'SNAPSHOT_CORRUPT',
    stage === 'gzip'
      ? `${path}: the gzip data is corrupt or truncated (${describeError(error)})`
      : `${path}: not valid JSON (${describeError(error)})`,
    'The file was cut short or damaged; collect the snapshot again.',
    error,
  );
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
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
  await writeChunksAtomic(path, jsonChunks(valid, 2), createGzip());
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
