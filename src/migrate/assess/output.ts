import { extname } from 'node:path';
import { userError } from '../../errors.ts';
import { writeFileAtomic } from '../../util/fs-atomic.ts';
import type { Assessment } from './assessment.ts';
import { renderHtml, renderMarkdown } from './document.ts';
import { assessmentDocument, assessmentText } from './render.ts';

export const OUTPUT_FORMATS = ['text', 'md', 'html', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const EXTENSIONS: Record<string, OutputFormat> = {
  '.txt': 'text',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};

/** Writes a report atomically; a path that cannot be written is the user's to fix (exit 2). */
export async function writeReportFile(path: string, data: string): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw userError(
      'MIGRATE_OUTPUT_UNWRITABLE',
      `Cannot write ${path}: ${(error as Error).message}`,
      'Choose a writable location with --out.',
      error,
    );
  }
}

/** --format wins; else the --out extension decides; else text. */
export function resolveOutputFormat(format: OutputFormat | undefined, out: string | undefined): OutputFormat {
  if (format) return format;
  if (!out) return 'text';
  const inferred = EXTENSIONS[extname(out).toLowerCase()];
  if (!inferred) {
    throw userError(
      'MIGRATE_OUTPUT_FORMAT',
      `Cannot tell the report format from "${out}".`,
      `Name the file .md, .html, .json or .txt, or pass --format ${OUTPUT_FORMATS.join('|')}.`,
    );
  }
  return inferred;
}

export function renderAssessment(assessment: Assessment, format: OutputFormat): string {
  switch (format) {
    case 'text':
      return assessmentText(assessment);
    case 'md':
      return renderMarkdown(assessmentDocument(assessment));
    case 'html':
      return renderHtml(assessmentDocument(assessment));
    case 'json':
      return `${JSON.stringify(assessment, null, 2)}\n`;
  }
}

/**
 * Prints the terminal summary (or the chosen format, when there is no --out) and writes --out atomically.
 */
export async function emitAssessment(
  assessment: Assessment,
  options: { format?: OutputFormat; out?: string; print?: (text: string) => void },
): Promise<void> {
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const format = resolveOutputFormat(options.format, options.out);
  if (options.out) {
    await writeReportFile(options.out, renderAssessment(assessment, format));
    print(assessmentText(assessment));
    print(`Wrote ${options.out}\n`);
  } else {
    print(renderAssessment(assessment, format));
  }
}
