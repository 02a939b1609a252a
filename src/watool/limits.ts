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
 * The length of a text as the WA Tool counts it: characters (Unicode code points), not the UTF-16 units
 * of `String.length`, so an emoji counts once.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens text to at most `max` characters (code points), cutting at the last whitespace so no word is
 * split, and marks the cut with an ellipsis. A single word longer than the budget is cut hard, but never
 * inside a grapheme (an emoji with its modifiers, a letter with its accents).
 */
export function trimAtWord(text: string, max: number): string {
  if (characterCount(text) <= max) return text;
  const budget = max - characterCount(ELLIPSIS);
  if (budget <= 0) return takeGraphemes(text, Math.max(0, max));
  let used = 0;
  let hardCut = 0;
  let wordCut = -1;
  for (const { segment, index } of graphemes.segment(text)) {
    const size = characterCount(segment);
    if (/^\s+$/.test(segment) && used <= budget) wordCut = index;
    if (used + size > budget) break;
    used += size;
    hardCut = index + segment.length;
  }
  const cut = wordCut > 0 ? text.slice(0, wordCut) : text.slice(0, hardCut);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** The longest prefix of whole graphemes within `max` characters. */
function takeGraphemes(text: string, max: number): string {
  let used = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    used += characterCount(segment);
    if (used > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** Pads a too-short value (the API wants at least `min` characters) and trims a too-long one at a word. */
export function fitLength(text: string, limit: { min: number; max: number }, pad = '-'): string {
  const trimmed = trimAtWord(text.trim(), limit.max);
  const missing = limit.min - characterCount(trimmed);
  return missing > 0 ? `${trimmed}${pad.repeat(missing)}` : trimmed;
}
