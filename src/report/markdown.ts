import type { ReportView } from './view.ts';

/**
 * Markdown and inline HTML punctuation, escaped with a backslash so estate values show as written.
 * Brackets are escaped, so parentheses cannot form links; block markers only matter at the start.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]<>|~&$]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`)
    .replace(/^([-+#=>]|\d+[.)])/, '\\$1');
}

/** Text inside a `code span` in a table cell: backslash escapes do not work there, pipes still split cells. */
export function markdownCode(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|');
}

/** Keys whose values are built by wareview and already safe for their place in the template. */
const TRUSTED_KEYS = new Set(['anchor', 'docsUrl', 'charts', 'key']);

function escapeStrings(value: unknown, key = ''): unknown {
  if (TRUSTED_KEYS.has(key)) return value;
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map((item) => escapeStrings(item));
  if (value && typeof value === 'object') {
    const escaped: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) escaped[name] = escapeStrings(item, name);
    // Code-span and code-block variants of the raw values next to their escaped forms.
    if ('arn' in value && typeof value.arn === 'string') escaped.arnCode = markdownCode(value.arn);
    if ('snippet' in value && typeof value.snippet === 'string') {
      escaped.snippetBlock = value.snippet.replace(/```/g, "'''");
    }
    return escaped;
  }
  return value;
}

/** The view with every string escaped for Markdown; the template is compiled without HTML escaping. */
export function markdownView(view: ReportView): unknown {
  return escapeStrings(view);
}
