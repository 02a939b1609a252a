import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { daysSince, isoDay } from '../_lib/_time.ts';
import { ACCESS_KEY_MAX_DAYS, perUserWithActiveKeys, type AccessKey } from './_credentials.ts';

/** A key never used counts as idle from its creation. */
function idleDays(key: AccessKey, now: Date): number {
  return daysSince(key.lastUsedAt ?? key.createdAt, now);
}

function describeIdle(key: AccessKey, now: Date): string {
  return key.lastUsedAt
    ? `${key.id} last used ${isoDay(key.lastUsedAt)} (${idleDays(key, now)} days ago)`
    : `${key.id} never used since its creation on ${isoDay(key.createdAt)} (${idleDays(key, now)} days)`;
}

export default defineCheck({
  id: 'iam-user-unused-access-keys',
  title: `Active IAM access keys unused for ${ACCESS_KEY_MAX_DAYS} days are removed`,
  area: 'account-separation',
  pillar: 'security',
  severity: 'medium',
  description: `An active key that nobody has used for ${ACCESS_KEY_MAX_DAYS} days serves no one but can still be stolen and used. Keys never used count from their creation date; ages are counted to the snapshot time.`,
  needs: ['iam.users'],
  wellArchitected: [
    { question: 'identities', choice: 'sec_identities_audit', bestPractice: 'SEC02-BP05' },
    { question: 'permissions', choice: 'sec_permissions_lifecycle', bestPractice: 'SEC03-BP06' },
  ],
  remediation: {
    summary:
      'Deactivate the idle keys, wait a short grace period, then delete them (and the user if it has nothing else).',
    steps: [
      'Confirm the last use in IAM (GetAccessKeyLastUsed) or the credential report.',
      'Deactivate the key; a forgotten caller will show up as AccessDenied errors you can trace.',
      'Delete the key after the grace period; delete the IAM user when it has no other purpose.',
    ],
    snippet:
      'aws iam get-access-key-last-used --access-key-id <key-id>\naws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive\naws iam delete-access-key --user-name <user> --access-key-id <key-id>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  evaluate: (inventory, { now }) =>
    perUserWithActiveKeys(inventory, (user, keys, account) => {
      const idle = keys.filter((key) => idleDays(key, now) >= ACCESS_KEY_MAX_DAYS);
      return idle.length === 0
        ? pass(
            user,
            `IAM user ${user.name} in ${account}: every active access key was used in the last ${ACCESS_KEY_MAX_DAYS} days`,
          )
        : fail(
            user,
            `IAM user ${user.name} in ${account}: active access key ${idle.map((key) => describeIdle(key, now)).join(', ')}`,
          );
    }),
});
