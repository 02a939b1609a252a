import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perUsableSnapshot, sourceVolume } from './_ebs-snapshots.ts';

export default defineCheck({
  id: 'ebs-snapshots-not-public',
  title: 'No EBS snapshot can be copied or restored by every AWS account',
  area: 'encryption',
  pillar: 'security',
  severity: 'critical',
  description:
    'A public snapshot can be listed, copied and turned into a volume by any AWS account in the world. Public snapshots are regularly found by automated scans and are a common source of data leaks: only unencrypted snapshots can be public, so the whole disk is readable.',
  needs: ['ec2.snapshots'],
  wellArchitected: [
    {
      question: 'protect-data-rest',
      choice: 'sec_protect_data_rest_access_control',
      bestPractice: 'SEC08-BP04',
    },
    {
      question: 'permissions',
      choice: 'sec_permissions_analyze_cross_account',
      bestPractice: 'SEC03-BP07',
    },
  ],
  remediation: {
    summary: 'Remove the public create-volume permission now, then block public sharing for the Region.',
    steps: [
      'Remove the "all" group from the snapshot\'s createVolumePermission.',
      'If the data had to be shared, share an encrypted copy with the specific account ids instead.',
      'Turn on block public access for EBS snapshots in every Region so no snapshot can be made public again.',
      'Treat the data as exposed: review what the snapshot held and rotate any secrets it contained.',
    ],
    snippet:
      'aws ec2 modify-snapshot-attribute --snapshot-id <snapshot-id> --attribute createVolumePermission --operation-type remove --group-names all\naws ec2 enable-snapshot-block-public-access --state block-all-sharing --region <region>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  evaluate: (inventory) =>
    perUsableSnapshot(inventory, (snapshot, label) => {
      if (snapshot.public) {
        return fail(
          snapshot,
          `snapshot ${label}${sourceVolume(snapshot)} in ${snapshot.region} is public: any AWS account can copy it`,
        );
      }
      const shares = snapshot.sharedWithAccounts.length;
      return pass(
        snapshot,
        `snapshot ${label} is private${shares ? `, shared with ${shares} named account(s)` : ''}`,
      );
    }),
});
