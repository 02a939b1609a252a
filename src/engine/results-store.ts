import { readFile } from 'node:fs/promises';
import { describeError, userError } from '../errors.ts';
import { writeChunksAtomic } from '../util/fs-atomic.ts';
import { formatZodIssues } from '../util/zod-issues.ts';
import { RESULTS_VERSION, resultsDocumentSchema, type ResultsDocument } from './results.ts';

export async function readResults(path: string): Promise<ResultsDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw userError(
      'RESULTS_UNREADABLE',
      `${path}: cannot read the results (${describeError(error)})`,
      'Give the results.json that `wareview evaluate` or `wareview review` wrote.',
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw userError(
      'RESULTS_CORRUPT',
      `${path}: not valid JSON (${describeError(error)})`,
      'The file was cut short or edited by hand; run `wareview evaluate` again.',
    );
  }
  const version = (document as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > RESULTS_VERSION) {
    throw userError(
      'RESULTS_TOO_NEW',
      `${path}: results version ${version} is newer than this wareview reads (${RESULTS_VERSION})`,
      'Upgrade wareview.',
    );
  }
  const parsed = resultsDocumentSchema.safeParse(document);
  if (!parsed.success) {
    throw userError(
      'RESULTS_INVALID',
      `${path}: not a valid wareview results file:\n${formatZodIssues(parsed.error.issues)}`,
      'Run `wareview evaluate --inventory FILE` to produce one.',
    );
  }
  return parsed.data;
}

/**
 * Writes results.json as a stream: indented like `JSON.stringify(document, null, 2)` except that each
 * result is one line, so a million results are written without building one string of them all.
 */
export async function writeResults(path: string, results: ResultsDocument): Promise<void> {
  await writeChunksAtomic(path, resultsText(results));
}

export function* resultsText(document: ResultsDocument): Generator<string> {
  const entries = Object.entries(document).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (const [position, [key, value]] of entries.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (key === 'results' && Array.isArray(value) && value.length > 0) {
      yield '[\n';
      for (let index = 0; index < value.length; index += 1) {
        yield `${index > 0 ? ',\n' : ''}    ${JSON.stringify(value[index])}`;
      }
      yield '\n  ]';
    } else yield JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    yield position < entries.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}
