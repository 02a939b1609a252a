import { defineFixtures, gap, kmsKey } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a rotating customer key passes',
    given: (inv) => inv.kms.keys.push(kmsKey({ rotationEnabled: true, aliases: ['alias/shop-data'] })),
    expect: [{ status: 'pass', evidence: 'alias/shop-data (1234abcd-12ab-34cd-56ef-1234567890ab) rotates' }],
  },
  {
    name: 'a customer key without rotation fails',
    given: (inv) => inv.kms.keys.push(kmsKey({ rotationEnabled: false })),
    expect: [{ status: 'fail', evidence: 'has automatic rotation off' }],
  },
  {
    name: 'a key with an alias/aws/ alias is AWS managed even when the API answered KeyManager CUSTOMER',
    given: (inv) =>
      inv.kms.keys.push(kmsKey({ keyId: 'aws-rds', aliases: ['alias/aws/rds'], rotationEnabled: false })),
    expect: [{ status: 'not_applicable', evidence: 'alias/aws/rds (aws-rds) is AWS managed' }],
  },
  {
    name: 'AWS managed, asymmetric and pending-deletion keys are out of scope',
    given: (inv) =>
      inv.kms.keys.push(
        kmsKey({ keyId: 'aws-ebs', manager: 'AWS', rotationEnabled: null }),
        kmsKey({ keyId: 'signing', keySpec: 'RSA_2048', rotationEnabled: false }),
        kmsKey({ keyId: 'old', state: 'PendingDeletion', rotationEnabled: false }),
      ),
    expect: [
      { status: 'not_applicable', evidence: 'AWS managed' },
      { status: 'not_applicable', evidence: 'RSA_2048' },
      { status: 'not_applicable', evidence: 'pending deletion' },
    ],
  },
  {
    name: 'an unread rotation status is an error, not a pass',
    given: (inv) => inv.kms.keys.push(kmsKey({ rotationEnabled: null })),
    expect: [{ status: 'error', messageId: 'missing-data' }],
  },
  {
    name: 'unreadable keys are an error',
    given: (inv) => {
      inv.kms.keys.push(kmsKey());
      gap(inv, 'kms.keys');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
