import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { daysSince, isoDay } from '../_lib/_time.ts';
import { ACCESS_KEY_MAX_DAYS, perUserWithActiveKeys } from './_credentials.ts';

export default defineCheck({
  id: 'iam-user-access-key-age',
  title: `Active IAM user access keys are rotated within ${ACCESS_KEY_MAX_DAYS} days`,
  area: 'account-separation',
  pillar: 'security',
  severity: 'medium',
  description: `A long-lived access key is valid until someone deletes it; the older it is, the more copies exist in scripts, laptops and CI settings. Keys older than ${ACCESS_KEY_MAX_DAYS} days (counted to the snapshot time) fail; better still, replace IAM users with roles and temporary credentials.`,
  needs: ['iam.users'],
  wellArchitected: [
    { question: 'identities', choice: 'sec_identities_audit', bestPractice: 'SEC02-BP05' },
    { question: 'identities', choice: 'sec_identities_unique', bestPractice: 'SEC02-BP02' },
  ],
  remediation: {
    summary:
      'Replace the key with an IAM role (IAM Roles Anywhere, OIDC federation for CI, instance profiles); where a key must stay, rotate it.',
    steps: [
      'Find the callers of the key (CloudTrail events by access key id, IAM last-accessed data).',
      'Move them to roles: OIDC for GitHub Actions or GitLab, instance profiles or task roles on AWS, IAM Roles Anywhere on premises.',
      'If a key must remain: create a second key, deploy it, deactivate the old key, then delete it.',
    ],
    snippet:
      'aws iam create-access-key --user-name <user>\naws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive\naws iam delete-access-key --user-name <user> --access-key-id <old-key-id>',
    effort: 'medium',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys_manage.html',
  evaluate: (inventory, { now }) =>
    perUserWithActiveKeys(inventory, (user, keys, account) => {
      const old = keys.filter((key) => daysSince(key.createdAt, now) > ACCESS_KEY_MAX_DAYS);
      if (old.length === 0) {
        const newest = Math.max(...keys.map((key) => daysSince(key.createdAt, now)));
        return pass(
          user,
          `IAM user ${user.name} in ${account}: active access keys are at most ${newest} days old`,
        );
      }
      const described = old.map(
        (key) => `${key.id} is ${daysSince(key.createdAt, now)} days old (created ${isoDay(key.createdAt)})`,
      );
      return fail(user, `IAM user ${user.name} in ${account}: active access key ${described.join(', ')}`, {
        details: { oldestKeyDays: Math.max(...old.map((key) => daysSince(key.createdAt, now))) },
      });
    }),
});
