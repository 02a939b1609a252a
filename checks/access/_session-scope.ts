import { notApplicable, type CheckOutcome } from '../../src/engine/check.ts';
import type { Inventory } from '../../src/inventory/schema.ts';
import { accountLabel } from '../_lib/_accounts.ts';
import { instanceLabel, isInService } from '../_lib/_instances.ts';
import { whereEqual } from '../_lib/_index.ts';

export type SessionPreferences = Inventory['ssm']['sessionPreferences'][number];

/** Preferences as AWS applies them when nobody configured Session Manager: no logging, no KMS key. */
function defaultPreferences(accountId: string, region: string): SessionPreferences {
  return {
    arn: `arn:aws:ssm:${region}:${accountId}:document/SSM-SessionManagerRunShell`,
    accountId,
    region,
    name: 'SSM-SessionManagerRunShell',
    configured: false,
    s3BucketName: null,
    s3EncryptionEnabled: false,
    cloudWatchLogGroupName: null,
    cloudWatchEncryptionEnabled: false,
    kmsKeyId: null,
    idleSessionTimeoutMinutes: null,
  };
}

export interface SessionScope {
  preferences: SessionPreferences;
  /** `shop-dev (345678901234) eu-central-1` */
  place: string;
  /** `catalog-dev-app (i-…), …` — the instances sessions would open to. */
  targets: string;
}

/**
 * Session Manager preferences are set per account and region; they matter where instances run.
 * Judges every account and region that has running instances or recorded preferences.
 */
export function perSessionScope(
  inventory: Inventory,
  judge: (scope: SessionScope) => CheckOutcome,
): CheckOutcome[] {
  const running = inventory.ec2.instances.filter(isInService);
  const places = new Map<string, { accountId: string; region: string }>();
  for (const { accountId, region } of [...running, ...inventory.ssm.sessionPreferences]) {
    places.set(`${accountId}/${region}`, { accountId, region });
  }
  return [...places.values()].map(({ accountId, region }) => {
    const preferences =
      whereEqual(inventory.ssm.sessionPreferences, { accountId, region })[0] ??
      defaultPreferences(accountId, region);
    const place = `${accountLabel(inventory, accountId)} ${region}`;
    const instances = whereEqual(running, { accountId, region });
    if (instances.length === 0) {
      return notApplicable(preferences, `no running instances in ${place} to open sessions to`);
    }
    const shown = instances.slice(0, 3).map((instance) => instanceLabel(instance));
    if (instances.length > shown.length) shown.push(`${instances.length - shown.length} more`);
    return judge({ preferences, place, targets: shown.join(', ') });
  });
}
