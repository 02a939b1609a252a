import { closest, distance } from 'fastest-levenshtein';

/** ` (did you mean "rds-multi-az"?)` when a known name is a small typo away from `given`, else ''. */
export function didYouMean(given: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const nearest = closest(given, [...known]);
  const allowed = Math.max(2, Math.floor(given.length / 4));
  return distance(given, nearest) <= allowed ? ` (did you mean "${nearest}"?)` : '';
}
