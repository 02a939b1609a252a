import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';
import { missingData } from '../_lib/_outcomes.ts';
import { isAwsManagedKey } from '../_lib/_ownership.ts';
import { refOf } from '../_lib/_resource-ref.ts';
import { keyLabel } from './_kms-usage.ts';

export default defineCheck({
  id: 'kms-key-rotation',
  title: 'Customer managed symmetric KMS keys rotate their key material automatically',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'Automatic rotation creates new key material every year (or the period you set) without changing the key id or re-encrypting data: old material stays available for decryption. Keys without it keep encrypting new data with the same material forever. AWS managed keys rotate on their own; asymmetric and HMAC keys and keys with imported material cannot rotate automatically.',
  needs: ['kms.keys'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_key_mgmt', bestPractice: 'SEC08-BP01' },
  ],
  remediation: {
    summary: 'Enable automatic rotation on each customer managed symmetric key.',
    steps: [
      'Enable rotation; the default period is 365 days, any period from 90 to 2560 days can be set.',
      'Nothing has to be re-encrypted: KMS keeps the earlier key material for decryption.',
      'Enforce rotation for new keys with an AWS Config rule (cmk-backing-key-rotation-enabled).',
    ],
    snippet: 'aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  evaluate: (inventory) =>
    inventory.kms.keys.map((key) => {
      const label = keyLabel(key);
      if (isAwsManagedKey(key)) return notApplicable(key, `${label} is AWS managed and rotated by AWS`);
      if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
        return notApplicable(key, `${label} is a ${key.keySpec} key, which cannot rotate automatically`);
      }
      if (key.state === 'PendingImport') {
        return notApplicable(key, `${label} uses imported key material, which has to be rotated by hand`);
      }
      if (key.state === 'PendingDeletion') {
        return notApplicable(key, `${label} is pending deletion; see kms-keys-pending-deletion-in-use`);
      }
      if (key.rotationEnabled === null) {
        return missingData(refOf(key), `the rotation status of ${label} was not read`);
      }
      return key.rotationEnabled
        ? pass(key, `customer managed key ${label} rotates automatically`)
        : fail(key, `customer managed key ${label} in ${key.region} has automatic rotation off`);
    }),
});
