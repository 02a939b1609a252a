const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from an ISO timestamp to the snapshot time (never the clock: checks stay deterministic). */
export function daysSince(isoTimestamp: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(isoTimestamp).getTime()) / DAY_MS);
}

/** `2024-05-14` from an ISO timestamp, for evidence text. */
export function isoDay(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 10);
}
