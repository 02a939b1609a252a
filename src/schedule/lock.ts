import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { userError } from '../errors.ts';

export interface HeldLock {
  path: string;
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a lock file holding this process's id, created exclusively so two processes cannot both take it.
 * A lock left by a process that no longer runs (killed with SIGKILL, a crashed machine) is taken over.
 */
export function acquireLock(path: string, what: string): HeldLock {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return {
        path,
        release: () => {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && isRunning(holder)) {
        throw userError(
          'LOCKED',
          `${what} is in use by process ${holder} (lock ${path})`,
          'Wait for that run to finish, or stop the other `wareview schedule`; one history takes one scheduler.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw userError('LOCKED', `cannot take the lock ${path}`, 'Remove the file if no wareview process runs.');
}
