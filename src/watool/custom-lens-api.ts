import {
  CreateLensVersionCommand,
  ExportLensCommand,
  ImportLensCommand,
  paginateListLenses,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { createHash, randomUUID } from 'node:crypto';
import { userError } from '../errors.ts';
import { errorName, waCall } from './aws-errors.ts';
import { WAREVIEW_LENS_NAME, validateCustomLens, type CustomLens } from './custom-lens.ts';
import { MANAGED_BY_TAG } from './workload.ts';

/** The ARN of wareview's own custom lens in this account and region, if it was imported. */
export async function findWareviewLensArn(client: WellArchitectedClient): Promise<string | undefined> {
  return waCall('ListLenses', async () => {
    for await (const page of paginateListLenses(
      { client },
      { LensType: 'CUSTOM_SELF', LensName: WAREVIEW_LENS_NAME },
    )) {
      const match = page.LensSummaries?.find((summary) => summary.LensName === WAREVIEW_LENS_NAME);
      if (match?.LensArn) return match.LensArn;
    }
    return undefined;
  });
}

/** Reads a custom lens back (ExportLens works on custom lenses, not on AWS ones). */
export async function exportCustomLens(client: WellArchitectedClient, lensArn: string): Promise<CustomLens> {
  const output = await waCall('ExportLens', () => client.send(new ExportLensCommand({ LensAlias: lensArn })));
  let parsed: unknown;
  try {
    parsed = JSON.parse(output.LensJSON ?? '');
  } catch {
    throw userError(
      'CUSTOM_LENS_INVALID',
      `lens ${lensArn} did not export as JSON`,
      'Import it again with `wareview lens import`.',
    );
  }
  return validateCustomLens(parsed);
}

/** A version label that changes only when the lens content changes (LensVersion allows 32 characters). */
export function lensVersionLabel(json: string): string {
  return `v${createHash('sha256').update(json).digest('hex').slice(0, 12)}`;
}

export interface ImportOutcome {
  lensArn: string;
  version: string;
  updated: boolean;
  published: boolean;
}

/**
 * Imports the lens (updating wareview's earlier import instead of adding a second lens) and publishes it
 * with CreateLensVersion: an imported lens is a draft and cannot be applied to a workload until then.
 */
export async function importAndPublishLens(
  client: WellArchitectedClient,
  lens: CustomLens,
): Promise<ImportOutcome> {
  const json = JSON.stringify(validateCustomLens(lens));
  const existing = await findWareviewLensArn(client);
  const imported = await waCall('ImportLens', () =>
    client.send(
      new ImportLensCommand({
        JSONString: json,
        ClientRequestToken: randomUUID(),
        ...(existing ? { LensAlias: existing } : { Tags: { [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value } }),
      }),
    ),
  );
  if (imported.Status === 'ERROR' || !imported.LensArn) {
    throw userError(
      'CUSTOM_LENS_IMPORT',
      'the WA Tool could not import the lens',
      'Validate the file with `wareview lens export` and try again.',
    );
  }
  const lensArn = imported.LensArn;
  const version = lensVersionLabel(json);
  try {
    await waCall('CreateLensVersion', () =>
      client.send(
        new CreateLensVersionCommand({
          LensAlias: lensArn,
          LensVersion: version,
          IsMajorVersion: false,
          ClientRequestToken: randomUUID(),
        }),
      ),
    );
  } catch (error) {
    // The same content was published before: the version exists already, nothing to do.
    if (errorName(error) !== 'ConflictException') throw error;
    return { lensArn, version, updated: Boolean(existing), published: false };
  }
  return { lensArn, version, updated: Boolean(existing), published: true };
}
