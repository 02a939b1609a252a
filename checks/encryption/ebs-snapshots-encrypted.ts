import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perUsableSnapshot, sourceVolume } from './_ebs-snapshots.ts';

export default defineCheck({
  id: 'ebs-snapshots-encrypted',
  title: 'EBS snapshots are encrypted at rest',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'Snapshots are backups: an unencrypted snapshot keeps a clear-text copy of the volume long after the volume itself was encrypted or deleted, and can be shared or made public by anyone allowed to modify it.',
  needs: ['ec2.snapshots'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
    {
      question: 'backing-up-data',
      choice: 'rel_backing_up_data_secured_backups_data',
      bestPractice: 'REL09-BP02',
    },
  ],
  remediation: {
    summary: 'Copy each unencrypted snapshot with encryption, then delete the unencrypted original.',
    steps: [
      'Find the snapshots still needed (restore points, AMIs, retention rules); delete the rest.',
      'Copy each needed snapshot with --encrypted and a customer managed KMS key.',
      'Re-register AMIs that referenced the old snapshot from the encrypted copy.',
      'Delete the unencrypted original, and encrypt the source volume so new snapshots are encrypted.',
    ],
    snippet:
      'aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted --kms-key-id alias/<key-alias> --description "encrypted copy"\naws ec2 delete-snapshot --snapshot-id <snapshot-id>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html',
  evaluate: (inventory) =>
    perUsableSnapshot(inventory, (snapshot, label) =>
      snapshot.encrypted
        ? pass(snapshot, `snapshot ${label} is encrypted with ${snapshot.kmsKeyId ?? 'the AWS managed key'}`)
        : fail(snapshot, `unencrypted snapshot ${label}${sourceVolume(snapshot)} in ${snapshot.region}`),
    ),
});
