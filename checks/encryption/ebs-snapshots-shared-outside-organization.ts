import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { perUsableSnapshot } from './_ebs-snapshots.ts';

export default defineCheck({
  id: 'ebs-snapshots-shared-outside-organization',
  title: 'EBS snapshots are shared only with accounts the review knows',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'A snapshot shared with an account id can be copied into that account, and the copy is out of your control from then on. Shares with accounts outside the organization (or outside the reviewed accounts when there is no organization) are often left over from a migration, a vendor hand-over or a typo, and should each be confirmed.',
  needs: ['ec2.snapshots', 'accounts'],
  wellArchitected: [
    {
      question: 'permissions',
      choice: 'sec_permissions_share_securely_third_party',
      bestPractice: 'SEC03-BP09',
    },
    {
      question: 'protect-data-rest',
      choice: 'sec_protect_data_rest_access_control',
      bestPractice: 'SEC08-BP04',
    },
  ],
  remediation: {
    summary: 'Confirm every external share; remove the ones nobody can justify.',
    steps: [
      'Ask the snapshot owner who the external account belongs to and whether it still needs the data.',
      'Remove the create-volume permission of accounts that no longer need it.',
      'For shares that stay, share an encrypted copy under a customer managed key whose policy names the account, so access can be revoked.',
    ],
    snippet:
      'aws ec2 describe-snapshot-attribute --snapshot-id <snapshot-id> --attribute createVolumePermission\naws ec2 modify-snapshot-attribute --snapshot-id <snapshot-id> --attribute createVolumePermission --operation-type remove --user-ids <account-id>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
  evaluate: (inventory) => {
    const known = new Set([...inventory.accounts.map((account) => account.id), ...inventory.scope.accounts]);
    const boundary = inventory.organization ? 'the organization' : 'the reviewed accounts';
    return perUsableSnapshot(inventory, (snapshot, label) => {
      if (snapshot.public)
        return notApplicable(snapshot, `snapshot ${label} is public; see ebs-snapshots-not-public`);
      const external = snapshot.sharedWithAccounts.filter((accountId) => !known.has(accountId));
      if (external.length > 0) {
        return fail(
          snapshot,
          `snapshot ${label} is shared with ${external.join(', ')}, outside ${boundary}`,
          {
            details: { externalAccounts: external.length, encrypted: snapshot.encrypted },
          },
        );
      }
      const shares = snapshot.sharedWithAccounts.length;
      return pass(
        snapshot,
        shares ? `snapshot ${label} is shared only within ${boundary}` : `snapshot ${label} is not shared`,
      );
    });
  },
});
