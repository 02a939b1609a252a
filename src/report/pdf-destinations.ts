/**
 * Reads which page each named destination of a Chromium-printed PDF lands on, so the table of contents
 * can show page numbers (Chromium supports no CSS target-counter). Chromium's PDF writer (Skia) keeps the
 * catalog, page tree and /Dests dictionary as plain objects; anything else yields an empty map and the
 * contents simply go without numbers.
 */
export function namedDestinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const objectAt = indexObjects(text);
  const catalog = /\/Type\s*\/Catalog\b[^]*?>>\s*endobj/.exec(text)?.[0] ?? '';
  const pagesRef = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const result = new Map<string, number>();
  if (!pagesRef || !destsRef) return result;
  const pageNumbers = new Map<string, number>();
  const walk = (ref: string, depth: number): void => {
    const body = objectAt(ref);
    if (depth > 32 || body === undefined) return;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1];
    if (/\/Type\s*\/Pages\b/.test(body) && kids) {
      for (const match of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(match[1]!, depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) {
      pageNumbers.set(ref, pageNumbers.size + 1);
    }
  };
  walk(pagesRef, 0);
  for (const match of (objectAt(destsRef) ?? '').matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = pageNumbers.get(match[2]!);
    if (page !== undefined) result.set(decodeName(match[1]!), page);
  }
  return result;
}

function indexObjects(text: string): (ref: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (ref) => {
    if (!cache.has(ref)) {
      const start = new RegExp(`(?:^|[\\r\\n])${ref}\\s+0\\s+obj\\b`).exec(text);
      const end = start ? text.indexOf('endobj', start.index) : -1;
      cache.set(ref, start && end > 0 ? text.slice(start.index, end) : undefined);
    }
    return cache.get(ref);
  };
}

/** PDF names escape bytes as #xx. */
function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
