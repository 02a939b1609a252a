import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { userError } from '../errors.ts';
import { onInterrupt } from './interrupt.ts';

/** Writes a file through a temporary sibling and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomically(path, (temporary) => writeFile(temporary, data));
}

/**
 * Writes text produced piece by piece (a large document is never one string), optionally through a
 * transform such as gzip, with the same temporary sibling and rename as `writeFileAtomic`.
 */
export async function writeChunksAtomic(
  path: string,
  chunks: Iterable<string>,
  through?: Transform,
): Promise<void> {
  await replaceAtomically(path, async (temporary) => {
    const source = Readable.from(batched(chunks));
    const target = createWriteStream(temporary);
    await (through ? pipeline(source, through, target) : pipeline(source, target));
  });
}

async function replaceAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  await makeDirectories(dirname(path));
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Joins small pieces into ~64 KiB strings: one stream write per piece would be slow. */
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

/** `.NAME.partial-<pid>-XXXXXX` beside the target, or `.partial-<pid>-XXXXXX` inside it. */
const STAGING_NAME = /^\.(?:.+\.)?partial-(\d+)-[A-Za-z0-9]{6}$/;
const CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EEXIST']);

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * `mkdir -p` one level at a time: Node's recursive mkdir never returns for a path under /proc
 * (it retries ENOENT forever), so a mistyped --out would hang the run.
 */
export async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) missing.unshift(current);
  for (const path of missing) {
    await mkdir(path).catch((error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw error;
    });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Removes staging folders in `dir` left by runs that were killed (their process is gone). */
export async function removeStaleStaging(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const stale = entries.filter((entry) => {
    const pid = Number(STAGING_NAME.exec(entry)?.[1]);
    return pid > 0 && pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(stale.map((entry) => rm(join(dir, entry), { recursive: true, force: true })));
  return stale;
}

/** True for an existing empty folder: a target the user prepared, which can hold its own staging folder. */
async function isEmptyDirectory(dir: string): Promise<boolean> {
  return readdir(dir).then(
    (entries) => entries.length === 0,
    () => false,
  );
}

/**
 * A private staging folder for `finalDir`: beside it when the parent is writable, else inside an empty
 * `finalDir` the user made (a folder of theirs in a parent they cannot write).
 */
async function makeStaging(finalDir: string): Promise<{ path: string; inside: boolean }> {
  const parent = dirname(finalDir);
  try {
    await makeDirectories(parent);
    await removeStaleStaging(parent);
    return {
      path: await mkdtemp(join(parent, `.${basename(finalDir)}.partial-${process.pid}-`)),
      inside: false,
    };
  } catch (besideError) {
    if (!CANNOT_WRITE.has(errorCode(besideError) ?? '')) throw besideError;
    await removeStaleStaging(finalDir);
    if (await isEmptyDirectory(finalDir)) {
      try {
        return { path: await mkdtemp(join(finalDir, `.partial-${process.pid}-`)), inside: true };
      } catch {
        // Fall through: report the parent, where the user most likely expected the folder.
      }
    }
    throw userError(
      'OUT_DIR_UNWRITABLE',
      `cannot write the run folder ${finalDir}: ${errorCode(besideError)} (${parent} is not a writable folder)`,
      'Choose an --out (or output.dir) in a folder you can write, or create the --out folder yourself, empty.',
      besideError,
    );
  }
}

/** Moves the finished staging folder into place: one rename, or (staged inside) one rename per entry. */
async function publish(staging: { path: string; inside: boolean }, finalDir: string): Promise<void> {
  if (!staging.inside) {
    await rm(finalDir, { recursive: true, force: true });
    await rename(staging.path, finalDir);
    return;
  }
  for (const entry of await readdir(staging.path)) {
    await rename(join(staging.path, entry), join(finalDir, entry));
  }
  await rmdir(staging.path);
}

/**
 * Fills a new output folder through a hidden staging folder that is moved into place only when `fill`
 * succeeds: a failed or interrupted run leaves no partial report behind, and a later run removes the
 * staging folder of a run that was killed outright.
 */
export async function writeDirectoryAtomic<T>(
  finalDir: string,
  fill: (stagingDir: string) => Promise<T>,
): Promise<T> {
  const staging = await makeStaging(finalDir);
  const forget = onInterrupt(() => rmSync(staging.path, { recursive: true, force: true }));
  try {
    // mkdtemp makes a private folder; the finished run folder gets the usual permissions.
    if (!staging.inside) await chmod(staging.path, 0o777 & ~process.umask());
    const result = await fill(staging.path);
    await publish(staging, finalDir);
    return result;
  } catch (error) {
    await rm(staging.path, { recursive: true, force: true });
    throw error;
  } finally {
    forget();
  }
}
