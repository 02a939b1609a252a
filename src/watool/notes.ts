import { trimAtWord } from './limits.ts';

/**
 * wareview's part of a question's notes lives between two marker lines; everything outside them is the
 * consultant's and is never changed. Only the block is rewritten, so a second run with the same evidence
 * produces the same notes.
 */
export const BLOCK_BEGIN = '--- wareview:begin ---';
export const BLOCK_END = '--- wareview:end ---';
const SEPARATOR = '\n\n';
/** The last complete begin…end pair; an unmatched begin (a person cut the block) stays as ordinary text. */
const BLOCK_PATTERN = new RegExp(
  `\\n*${escape(BLOCK_BEGIN)}(?:(?!${escape(BLOCK_BEGIN)})[\\s\\S])*?${escape(BLOCK_END)}\\n?`,
  'g',
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** Splits notes into the consultant's text and wareview's last block (both without the markers). */
export function splitNotes(notes: string): { own: string; block: string | undefined } {
  let block: string | undefined;
  const own = notes.replace(BLOCK_PATTERN, (match) => {
    block = match
      .trim()
      .slice(BLOCK_BEGIN.length, -BLOCK_END.length)
      .replace(/^\n|\n$/g, '');
    return '\n';
  });
  return { own: own.replace(/\n{3,}/g, '\n\n').trim(), block };
}

/**
 * Replaces wareview's block in `notes` with `lines`, trimmed so the whole text fits `maxLength` without
 * cutting a word. Returns undefined for the block when not even the markers and a first line fit beside
 * the consultant's text (their text wins; the evidence stays in wareview's report).
 */
export function mergeNotes(
  notes: string,
  lines: string[],
  maxLength: number,
): { notes: string; blockWritten: boolean } {
  const { own } = splitNotes(notes);
  const prefix = own ? `${own}${SEPARATOR}` : '';
  const frame = `${BLOCK_BEGIN}\n\n${BLOCK_END}`.length;
  const budget = maxLength - prefix.length - frame;
  const minimum = Math.min(40, (lines[0] ?? '').length);
  if (lines.length === 0 || budget < minimum) return { notes: own, blockWritten: false };
  const body = trimAtWord(lines.join('\n'), budget);
  return { notes: `${prefix}${BLOCK_BEGIN}\n${body}\n${BLOCK_END}`, blockWritten: true };
}
