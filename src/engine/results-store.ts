import { readFile } from 'node:fs/promises';
import { describeError, userError } from '../errors.ts';
import { writeFileAtomic } from '../util/fs-atomic.ts';
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

export async function writeResults(path: string, results: ResultsDocument): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(results, null, 2)}\n`);
}
