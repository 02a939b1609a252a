import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userError } from '../errors.ts';

/** `shop platform/prod` → `shop-platform-prod`: safe as one folder name on every file system. */
export function slug(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60);
  return cleaned || 'workload';
}

/** `20261127T021500Z`: sorts by time and never contains characters a file system rejects. */
export function timestampForPath(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The run folder: --out as given, else `<reportsDir>/<workload>-<timestamp>/`. */
export function runDirectory(options: {
  out?: string;
  reportsDir: string;
  workload: string;
  at: Date;
}): string {
  return resolve(
    options.out ?? join(options.reportsDir, `${slug(options.workload)}-${timestampForPath(options.at)}`),
  );
}

/**
 * A run replaces its folder as a whole. Refuse to replace a folder that holds anything but an earlier
 * wareview run, so a mistyped --out never deletes a user's files.
 */
export function assertReplaceable(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes('results.json') || entries.includes('inventory.json.gz'))
    return;
  throw userError(
    'OUT_DIR_NOT_EMPTY',
    `${dir} exists and is not a wareview output folder (${entries.length} entries)`,
    'Choose an empty or new folder for --out.',
  );
}
