import picomatch from 'picomatch';
import { userError } from '../errors.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { Check } from './check.ts';

/** Which checks to run. Each list holds globs; a leading `!` excludes. Empty lists select everything. */
export interface CheckSelection {
  ids?: string[];
  areas?: string[];
  pillars?: string[];
  severities?: string[];
}

function matcher(patterns: string[] | undefined): ((value: string) => boolean) | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  const include = patterns.filter((pattern) => !pattern.startsWith('!'));
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  const isIncluded = include.length > 0 ? picomatch(include) : () => true;
  const isExcluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return (value) => isIncluded(value) && !isExcluded(value);
}

export function selectChecks<T extends Check>(checks: readonly T[], selection: CheckSelection): T[] {
  // A pattern that matches no check is almost always a typo: say so instead of running fewer checks.
  const unknown = (selection.ids ?? [])
    .map((pattern) => pattern.replace(/^!/, ''))
    .filter((pattern) => !checks.some((check) => picomatch.isMatch(check.id, pattern)));
  if (unknown.length > 0) {
    throw userError(
      'UNKNOWN_CHECK',
      `unknown check id${unknown.length > 1 ? 's' : ''}: ${unknown
        .map(
          (id) =>
            `${id}${didYouMean(
              id,
              checks.map((check) => check.id),
            )}`,
        )
        .join(', ')}`,
      'Run `wareview checks list` to see the ids.',
    );
  }
  const tests = [
    [matcher(selection.ids), (check: T) => check.id],
    [matcher(selection.areas), (check: T) => check.area],
    [matcher(selection.pillars), (check: T) => check.pillar],
    [matcher(selection.severities), (check: T) => check.severity],
  ] as const;
  return checks.filter((check) => tests.every(([test, field]) => !test || test(field(check))));
}
