import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { accountLabel } from '../_lib/_accounts.ts';
import { whereEqual } from '../_lib/_index.ts';

export default defineCheck({
  id: 'ebs-encryption-by-default',
  title: 'New EBS volumes and snapshot copies are encrypted by default in every Region in use',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'EBS encryption by default is an account setting per Region. While it is off, every volume created from an AMI, a launch template or the console without an explicit encryption flag stores its data unencrypted, and that cannot be changed in place later.',
  needs: ['ec2.ebsEncryptionByDefault.enabled', 'ec2.volumes'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
    {
      question: 'protect-data-rest',
      choice: 'sec_protect_data_rest_automate_protection',
      bestPractice: 'SEC08-BP03',
    },
  ],
  remediation: {
    summary: 'Turn on EBS encryption by default in each account and Region, with a customer managed KMS key.',
    steps: [
      'Pick the KMS key new volumes should use (a customer managed key lets you control its key policy and grants).',
      'Enable encryption by default and set the default key in every Region the account uses; existing volumes are not changed.',
      'Check that instance roles and Auto Scaling service-linked roles may use the key, then launch a test instance.',
      'Encrypt existing unencrypted volumes separately (see ebs-volumes-encrypted).',
    ],
    snippet:
      'aws ec2 enable-ebs-encryption-by-default --region <region>\naws ec2 modify-ebs-default-kms-key-id --kms-key-id alias/<key-alias> --region <region>',
    effort: 'low',
    downtime: false,
    extraCost: false,
  },
  docsUrl: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  evaluate: (inventory) =>
    inventory.ec2.ebsEncryptionByDefault.map((setting) => {
      const where = `account ${accountLabel(inventory, setting.accountId)} ${setting.region}`;
      if (setting.enabled) {
        return pass(
          setting,
          `EBS encryption by default is on in ${where} with ${setting.kmsKeyId ?? 'the AWS managed key aws/ebs'}`,
        );
      }
      const volumes = whereEqual(inventory.ec2.volumes, {
        accountId: setting.accountId,
        region: setting.region,
      });
      if (volumes.length === 0) {
        return notApplicable(
          setting,
          `EBS encryption by default is off in ${where}, which has no EBS volumes; turn it on before the Region is used`,
        );
      }
      const unencrypted = volumes.filter((volume) => !volume.encrypted).length;
      return fail(
        setting,
        `EBS encryption by default is off in ${where}: ${unencrypted} of ${volumes.length} volumes there are unencrypted`,
        { details: { volumes: volumes.length, unencryptedVolumes: unencrypted } },
      );
    }),
});
