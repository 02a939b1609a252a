import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Finding } from '../plan-schema.ts';

/**
 * A small document model shared by the assessment report and the plan runbook, rendered to Markdown
 * and to self-contained HTML (Handlebars escapes every value).
 */
export type Block =
  | { readonly kind: 'facts'; readonly items: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly note?: string;
    }
  | { readonly kind: 'findings'; readonly findings: readonly Finding[]; readonly empty: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'code'; readonly lines: readonly string[] };

export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  /** Counts shown as badges at the top, e.g. blockers and warnings. */
  readonly badges: readonly { readonly label: string; readonly tone: 'bad' | 'warn' | 'good' | 'neutral' }[];
  readonly sections: readonly Section[];
}

const escapeCell = (value: string): string => value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'facts':
      return block.items.map(([label, value]) => `- **${label}:** ${value}`).join('\n');
    case 'table': {
      const header = `| ${block.columns.map(escapeCell).join(' | ')} |`;
      const rule = `|${block.columns.map(() => '---').join('|')}|`;
      const rows = block.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
      return [header, rule, ...rows, ...(block.note ? ['', `_${block.note}_`] : [])].join('\n');
    }
    case 'findings':
      if (block.findings.length === 0) return `_${block.empty}_`;
      return block.findings
        .map((finding) =>
          [
            `- **${finding.severity.toUpperCase()} \`${finding.id}\`** — ${finding.message}`,
            `  - Fix: ${finding.fix}`,
            ...(finding.handledByRun ? [`  - Handled by \`migrate run\`: ${finding.handledByRun}`] : []),
            ...(finding.fixStatements.length > 0
              ? ['', '    ```sql', ...finding.fixStatements.map((line) => `    ${line};`), '    ```']
              : []),
          ].join('\n'),
        )
        .join('\n');
    case 'paragraph':
      return block.text;
    case 'code':
      return ['```', ...block.lines, '```'].join('\n');
  }
}

export function renderMarkdown(document: ReportDocument): string {
  const parts = [
    `# ${document.title}`,
    document.subtitle,
    document.badges.map((badge) => `**${badge.label}**`).join(' · '),
    ...document.sections.map((section) =>
      [`## ${section.heading}`, ...section.blocks.map(markdownBlock)].join('\n\n'),
    ),
  ];
  return `${parts.join('\n\n')}\n`;
}

const handlebars = Handlebars.create();
handlebars.registerHelper('is', (value: unknown, expected: unknown) => value === expected);
handlebars.registerHelper('upper', (value: unknown) => String(value).toUpperCase());
const htmlTemplate = handlebars.compile(readFileSync(new URL('./document.hbs', import.meta.url), 'utf8'), {
  strict: false,
});

export function renderHtml(document: ReportDocument): string {
  return htmlTemplate(document);
}
