import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { nameWithId } from '../_lib/_accounts.ts';

/** Volumes that hold no data any more, or never will. */
const GONE_STATES = new Set(['deleting', 'deleted', 'error']);

export default defineCheck({
  id: 'ebs-volumes-encrypted',
  title: 'EBS volumes are encrypted at rest',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'An unencrypted EBS volume stores its blocks, and every snapshot taken from it, in clear text. Encryption cannot be switched on for an existing volume: the data has to be copied to an encrypted one.',
  needs: ['ec2.volumes'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
  ],
  remediation: {
    summary: 'Replace each unencrypted volume with an encrypted copy made from a snapshot.',
    steps: [
      'Turn on EBS encryption by default in the Region so no new unencrypted volumes appear.',
      'Snapshot the volume (stop the application or the instance first for a consistent copy of a data volume).',
      'Copy the snapshot with encryption and a customer managed KMS key, then create a volume from the copy in the same Availability Zone.',
      'Stop the instance, detach the old volume, attach the encrypted one under the same device name, start and verify.',
      'Delete the old volume and its unencrypted snapshots once the instance works.',
    ],
    snippet:
      'aws ec2 create-snapshot --volume-id <volume-id> --description "before encryption"\naws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted --kms-key-id alias/<key-alias>\naws ec2 create-volume --snapshot-id <encrypted-snapshot-id> --availability-zone <az> --volume-type gp3',
    effort: 'medium',
    downtime: true,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  evaluate: (inventory) =>
    inventory.ec2.volumes.map((volume) => {
      const label = nameWithId(volume.name, volume.volumeId);
      if (GONE_STATES.has(volume.state)) return notApplicable(volume, `volume ${label} is ${volume.state}`);
      if (volume.encrypted) {
        return pass(volume, `volume ${label} is encrypted with ${volume.kmsKeyId ?? 'the AWS managed key'}`);
      }
      const attachedTo = volume.attachedInstanceIds.length
        ? `attached to ${volume.attachedInstanceIds.join(', ')}`
        : 'not attached';
      return fail(
        volume,
        `unencrypted ${volume.sizeGiB} GiB volume ${label}, ${attachedTo}, in ${volume.region}`,
        {
          details: { sizeGiB: volume.sizeGiB },
        },
      );
    }),
});
