import type { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { userError } from '../errors.ts';
import { exportCustomLens, findWareviewLensArn } from './custom-lens-api.ts';
import { WAREVIEW_LENS_NAME, choiceIdFor, type CustomLens } from './custom-lens.ts';
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

export const WAREVIEW_LENS_ALIAS = 'wareview';

/** Maps checks into wareview's custom lens by choice id, wherever the exported lens put that choice. */
export function customRecordLens(alias: string, lens: CustomLens): RecordLens {
  const questions: LensQuestion[] = lens.pillars.flatMap((pillar) =>
    pillar.questions.map((question) => ({
      id: question.id,
      code: question.id,
      title: question.title,
      pillarId: pillar.id,
      noneChoiceId: question.choices.find((choice) => choice.id.endsWith('_no'))?.id ?? '',
      choices: question.choices.map((choice) => ({ id: choice.id, title: choice.title })),
    })),
  );
  const questionOfChoice = new Map(
    questions.flatMap((question) => question.choices.map((choice) => [choice.id, question.id] as const)),
  );
  return {
    alias,
    questions,
    mapper: (check) => {
      const choice = choiceIdFor(check.id);
      const question = questionOfChoice.get(choice);
      return question ? [{ question, choice }] : [];
    },
  };
}

/**
 * `wellarchitected` always comes first. `wareview` (or the ARN of wareview's imported lens) records
 * into wareview's own custom lens, read back with ExportLens; other lenses have no mapping.
 */
export async function resolveRecordLenses(
  client: WellArchitectedClient,
  aliases: string[],
): Promise<RecordLens[]> {
  const lenses = [wellArchitectedRecordLens()];
  for (const alias of new Set(aliases)) {
    if (alias === WELL_ARCHITECTED_ALIAS) continue;
    if (alias === WAREVIEW_LENS_ALIAS || alias.startsWith('arn:')) {
      const arn = alias === WAREVIEW_LENS_ALIAS ? await findWareviewLensArn(client) : alias;
      if (!arn) {
        throw userError(
          'WATOOL_LENS_NOT_IMPORTED',
          "wareview's custom lens is not in the WA Tool of this account and region",
          'Import and publish it first: `wareview lens import`.',
        );
      }
      const lens = await exportCustomLens(client, arn);
      if (lens.name === WAREVIEW_LENS_NAME) {
        lenses.push(customRecordLens(arn, lens));
        continue;
      }
    }
    throw userError(
      'WATOOL_UNKNOWN_LENS',
      `wareview has no mapping from its checks to lens "${alias}"`,
      "Record into `wellarchitected` (the default) or into wareview's own lens: `--lens wareview` after `wareview lens import`.",
    );
  }
  return lenses;
}
