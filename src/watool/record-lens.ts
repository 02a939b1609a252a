import type { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { userError } from '../errors.ts';
import { wellArchitectedMapper, type ChoiceMapper } from './evidence.ts';
import { allQuestions, loadWellArchitectedLens, type LensQuestion } from './lens.ts';

/** A lens wareview can record into: its questions and where each check lands in it. */
export interface RecordLens {
  /** The LensAlias used in API calls (an alias for AWS lenses, an ARN for custom lenses). */
  alias: string;
  questions: LensQuestion[];
  mapper: ChoiceMapper;
}

export const WELL_ARCHITECTED_ALIAS = 'wellarchitected';

export function wellArchitectedRecordLens(): RecordLens {
  return {
    alias: WELL_ARCHITECTED_ALIAS,
    questions: allQuestions(loadWellArchitectedLens()),
    mapper: wellArchitectedMapper,
  };
}

/** `wellarchitected` always comes first; every other alias needs a mapping wareview knows. */
export async function resolveRecordLenses(
  client: WellArchitectedClient,
  aliases: string[],
): Promise<RecordLens[]> {
  void client;
  const lenses = [wellArchitectedRecordLens()];
  for (const alias of new Set(aliases)) {
    if (alias === WELL_ARCHITECTED_ALIAS) continue;
    throw userError(
      'WATOOL_UNKNOWN_LENS',
      `wareview has no mapping from its checks to lens "${alias}"`,
      "Record into `wellarchitected` (the default) or into wareview's own lens: `--lens wareview` after `wareview lens import`.",
    );
  }
  return lenses;
}
