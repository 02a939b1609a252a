import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { userError, describeError } from '../errors.ts';
import { writeFileAtomic } from '../util/fs-atomic.ts';
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
  return parsed.data;
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

/** Validates and writes a snapshot as gzipped JSON, atomically. */
export async function writeInventory(path: string, inventory: InventoryInput): Promise<Inventory> {
  const valid = parseInventory(inventory, 'snapshot to write');
  await writeFileAtomic(path, gzipSync(JSON.stringify(valid)));
  return valid;
}

function isGzip(data: Buffer): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}
