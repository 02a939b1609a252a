import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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
  await mkdir(dirname(path), { recursive: true });
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

/**
 * Fills a new output folder through a hidden staging folder that is renamed into place only when
 * `fill` succeeds: a failed run leaves no partial report behind.
 */
export async function writeDirectoryAtomic<T>(
  finalDir: string,
  fill: (stagingDir: string) => Promise<T>,
): Promise<T> {
  await mkdir(dirname(finalDir), { recursive: true });
  const staging = await mkdtemp(join(dirname(finalDir), `.${basename(finalDir)}.partial-`));
  try {
    // mkdtemp makes a private folder; the finished run folder gets the usual permissions.
    await chmod(staging, 0o777 & ~process.umask());
    const result = await fill(staging);
    await rm(finalDir, { recursive: true, force: true });
    await rename(staging, finalDir);
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
