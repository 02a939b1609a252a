import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes a file through a temporary sibling and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
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
