/**
 * Parses one JSON document from a stream of byte chunks without ever holding its whole text: the arrays two
 * objects deep (a snapshot's `service.part` lists, where nearly all of its bytes are) are parsed batch by
 * batch as their elements arrive; the rest (the small skeleton around them) is parsed at the end.
 * Any JSON layout is accepted (compact or indented); malformed text throws a SyntaxError.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Stands in for a split array in the skeleton; a NUL cannot appear unescaped in JSON text. */
const MARKER_PREFIX = '\u0000split:';

export class SplitJsonParser {
  /** Open containers, innermost last: OPEN_OBJECT or OPEN_ARRAY. */
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  private readonly skeleton: Buffer[] = [];
  private readonly arrays: unknown[][] = [];
  /** The split array being read, and its unparsed bytes carried over from earlier chunks. */
  private current: unknown[] | null = null;
  private carried: Buffer | null = null;
  /** True after a batch ended at a comma: another element must follow. */
  private elementDue = false;

  push(input: Buffer): void {
    // The carried bytes were scanned already: scanning resumes after them.
    const scanned = this.carried?.length ?? 0;
    const chunk = this.carried ? Buffer.concat([this.carried, input]) : input;
    this.carried = null;
    const stack = this.stack;
    // Where the skeleton text (outside a split array) or the split array's unparsed elements start.
    let start = 0;
    let lastBoundary = -1;
    for (let index = scanned; index < chunk.length; index += 1) {
      if (this.inString) {
        index = this.endOfString(chunk, index);
        continue;
      }
      const byte = chunk[index]!;
      if (byte === QUOTE) this.inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (
          byte === OPEN_ARRAY &&
          stack.length === 2 &&
          stack[0] === OPEN_OBJECT &&
          stack[1] === OPEN_OBJECT
        ) {
          this.skeleton.push(chunk.subarray(start, index));
          this.skeleton.push(Buffer.from(JSON.stringify(`${MARKER_PREFIX}${this.arrays.length}`)));
          this.current = [];
          this.arrays.push(this.current);
          start = index + 1;
          lastBoundary = -1;
          this.elementDue = false;
        }
        stack.push(byte);
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        const open = stack.pop();
        if (open !== (byte === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY)) {
          throw new SyntaxError(`Unexpected '${String.fromCharCode(byte)}' in JSON`);
        }
        if (this.current && stack.length === 2) {
          this.parseElements(chunk, start, index);
          this.current = null;
          start = index + 1;
        }
      } else if (byte === COMMA && this.current && stack.length === 3) lastBoundary = index;
    }
    if (this.current) {
      // Parse the complete elements now; the one still arriving waits for the next chunk.
      if (lastBoundary >= 0) {
        this.parseElements(chunk, start, lastBoundary, true);
        start = lastBoundary + 1;
      }
      this.carried = chunk.subarray(start);
    } else this.skeleton.push(chunk.subarray(start));
  }

  /** The parsed document; throws when the text ended early. */
  finish(): unknown {
    if (this.stack.length > 0 || this.inString || this.current) {
      throw new SyntaxError('Unexpected end of JSON input');
    }
    const document: unknown = JSON.parse(Buffer.concat(this.skeleton).toString('utf8'));
    if (typeof document === 'object' && document !== null) {
      for (const value of Object.values(document)) {
        if (typeof value !== 'object' || value === null) continue;
        const container = value as Record<string, unknown>;
        for (const [key, child] of Object.entries(container)) {
          if (typeof child === 'string' && child.startsWith(MARKER_PREFIX)) {
            container[key] = this.arrays[Number(child.slice(MARKER_PREFIX.length))];
          }
        }
      }
    }
    return document;
  }

  /**
   * Skips string content from `from` (inside a string) with a native search for quotes, and returns the
   * index of the closing quote (leaving the string) or the chunk's last index (string continues).
   */
  private endOfString(chunk: Buffer, from: number): number {
    let runStart = from;
    if (this.escaped) {
      this.escaped = false;
      runStart += 1;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, runStart);
      const end = quote === -1 ? chunk.length : quote;
      let backslashes = 0;
      while (end - backslashes - 1 >= runStart && chunk[end - backslashes - 1] === BACKSLASH)
        backslashes += 1;
      const escaped = backslashes % 2 === 1;
      if (quote === -1) {
        this.escaped = escaped;
        return chunk.length - 1;
      }
      if (!escaped) {
        this.inString = false;
        return quote;
      }
      runStart = quote + 1;
    }
  }

  private parseElements(chunk: Buffer, from: number, to: number, more = false): void {
    const text = chunk.toString('utf8', from, to);
    if (text.trim() === '') {
      if (this.elementDue || more) throw new SyntaxError("Unexpected ',' in JSON array");
      return;
    }
    this.elementDue = more;
    const elements = JSON.parse(`[${text}]`) as unknown[];
    const target = this.current!;
    for (const element of elements) target.push(element);
  }
}
