/**
 * Limits of the WA Tool API that wareview writes against (AWS Well-Architected Tool API Reference:
 * UpdateAnswer / Notes max 2084, ChoiceUpdate Notes max 250, MilestoneName 3–100 and unique per workload,
 * at most 100 milestones per workload, CreateWorkload WorkloadName 3–100, Description 3–250, ReviewOwner 3–255,
 * AwsRegions at most 50, AccountIds at most 100).
 */
export const WA_LIMITS = {
  answerNotes: 2084,
  choiceNotes: 250,
  milestoneName: { min: 3, max: 100 },
  milestonesPerWorkload: 100,
  workloadName: { min: 3, max: 100 },
  description: { min: 3, max: 250 },
  reviewOwner: { min: 3, max: 255 },
  choiceId: 64,
  workloadRegions: 50,
  workloadAccountIds: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` characters, cutting at the last whitespace so no word is split,
 * and marks the cut with an ellipsis. A single word longer than the budget is cut hard (nothing else fits).
 */
export function trimAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return text.slice(0, Math.max(0, max));
  const budget = max - ELLIPSIS.length;
  const head = text.slice(0, budget + 1);
  const lastSpace = head.search(/\s\S*$/);
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : text.slice(0, budget);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Pads a too-short value (the API wants at least `min` characters) and trims a too-long one at a word. */
export function fitLength(text: string, limit: { min: number; max: number }, pad = '-'): string {
  const trimmed = trimAtWord(text.trim(), limit.max);
  return trimmed.length >= limit.min ? trimmed : trimmed.padEnd(limit.min, pad);
}
