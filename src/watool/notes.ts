import { characterCount, trimAtWord } from './limits.ts';

/**
 * wareview's part of a question's notes lives between two marker lines; everything outside them is the
 * consultant's and is kept byte for byte, in place: only the text between the markers is rewritten.
 */
export const BLOCK_BEGIN = '--- wareview:begin ---';
export const BLOCK_END = '--- wareview:end ---';

interface BlockSpan {
  /** Index of the begin marker. */
  start: number;
  /** Index just after the end marker. */
  end: number;
  body: string;
}

/** The last complete begin…end pair; an unmatched begin (a person cut the block) stays ordinary text. */
function findBlock(notes: string): BlockSpan | undefined {
  const endMarker = notes.lastIndexOf(BLOCK_END);
  if (endMarker < 0) return undefined;
  const start = notes.lastIndexOf(BLOCK_BEGIN, endMarker);
  if (start < 0) return undefined;
  const body = notes
    .slice(start + BLOCK_BEGIN.length, endMarker)
    .replace(/^\n/, '')
    .replace(/\n$/, '');
  return { start, end: endMarker + BLOCK_END.length, body };
}

/** Splits notes into the consultant's text (exactly as written, block cut out) and wareview's block body. */
export function splitNotes(notes: string): { own: string; block: string | undefined } {
  const span = findBlock(notes);
  if (!span) return { own: notes, block: undefined };
  return { own: withoutBlock(notes, span), block: span.body };
}

/** What wareview puts between the person's text and a block it appends. */
const SEPARATOR = '\n\n';
const SEPARATOR_AT_END = /\n{1,2}$/;

/** The notes without the block and the line breaks wareview put around it. */
function withoutBlock(notes: string, span: BlockSpan): string {
  const before = notes.slice(0, span.start);
  const after = notes.slice(span.end);
  if (after.trim() === '') return before.replace(SEPARATOR_AT_END, '') + after.replace(/^\n/, '');
  return before + after.replace(/^\n/, '');
}

function frame(body: string): string {
  return `${BLOCK_BEGIN}\n${body}\n${BLOCK_END}`;
}

/**
 * Writes `lines` as wareview's block: in place of the last block, else after the consultant's text.
 * The whole text fits `maxLength` characters (as the WA Tool counts them) without cutting a word. When
 * not even the markers and a first line fit beside the consultant's text, the block is left out (an old
 * one is removed rather than left stale) and `blockWritten` is false.
 */
export function mergeNotes(
  notes: string,
  lines: string[],
  maxLength: number,
): { notes: string; blockWritten: boolean } {
  const span = findBlock(notes);
  const place = span
    ? { before: notes.slice(0, span.start), after: notes.slice(span.end) }
    : { before: notes === '' ? '' : `${notes}${SEPARATOR}`, after: '' };
  const budget = maxLength - characterCount(place.before + place.after + frame(''));
  const minimum = Math.min(40, characterCount(lines[0] ?? ''));
  if (lines.length === 0 || budget < minimum) {
    return { notes: span ? withoutBlock(notes, span) : notes, blockWritten: false };
  }
  const body = trimAtWord(lines.join('\n'), budget);
  return { notes: `${place.before}${frame(body)}${place.after}`, blockWritten: true };
}
