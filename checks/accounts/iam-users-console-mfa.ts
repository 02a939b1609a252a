import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { perActiveAccountRecord } from '../_lib/_accounts.ts';
import { isoDay } from '../_lib/_time.ts';

export default defineCheck({
  id: 'iam-users-console-mfa',
  title: 'IAM users who sign in to the console use multi-factor authentication',
  area: 'account-separation',
  pillar: 'security',
  severity: 'high',
  description:
    'An IAM user with a console password and no MFA device is protected by the password alone. Better than adding MFA is removing the user: people should sign in through IAM Identity Center or another central identity provider.',
  needs: ['iam.users'],
  wellArchitected: [
    { question: 'identities', choice: 'sec_identities_enforce_mechanisms', bestPractice: 'SEC02-BP01' },
    { question: 'identities', choice: 'sec_identities_identity_provider', bestPractice: 'SEC02-BP04' },
  ],
  remediation: {
    summary:
      'Move the person to IAM Identity Center and delete the IAM user; until then, require MFA for the user.',
    steps: [
      'Create the person in IAM Identity Center (or your identity provider) with an equivalent permission set.',
      "Delete the IAM user's login profile, then the user.",
      'Where an IAM user must remain, have the user register an MFA device and attach a policy that denies actions without aws:MultiFactorAuthPresent.',
    ],
    snippet:
      'aws iam delete-login-profile --user-name <user>\n# or keep the user and enforce MFA:\naws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile <user>-qr.png --bootstrap-method QRCodePNG',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  evaluate: (inventory) =>
    perActiveAccountRecord(inventory, inventory.iam.users, (user, account) => {
      if (!user.passwordEnabled) {
        return notApplicable(user, `IAM user ${user.name} in ${account} has no console password`);
      }
      if (user.mfaDevices > 0) {
        return pass(user, `IAM user ${user.name} in ${account} has ${user.mfaDevices} MFA device(s)`);
      }
      const lastSignIn = user.passwordLastUsedAt
        ? `last sign-in ${isoDay(user.passwordLastUsedAt)}`
        : 'no sign-in recorded';
      return fail(
        user,
        `IAM user ${user.name} in ${account} signs in to the console with a password and no MFA device (${lastSignIn})`,
      );
    }),
});
