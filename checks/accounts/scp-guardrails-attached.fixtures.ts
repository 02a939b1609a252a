import { ACCOUNT, defineFixtures, gap, MANAGEMENT_ACCOUNT, organization } from '../../test/checks/kit.ts';

const guardrail = {
  id: 'p-guardrails',
  arn: 'arn:aws:organizations::999999999999:policy/o-exampleorgid/service_control_policy/p-guardrails',
  name: 'baseline-guardrails',
  awsManaged: false,
};
const prodAccount = { id: ACCOUNT, name: 'shop-prod', parentId: 'ou-prod', ouPath: ['Prod'], tags: {} };

export default defineFixtures([
  {
    name: 'a guardrail SCP on the account OU passes',
    given: (inv) => {
      inv.organization = organization();
      inv.organization.policies.push({ ...guardrail, targets: ['ou-prod'] });
      inv.accounts = [prodAccount];
    },
    expect: [{ status: 'pass', evidence: 'baseline-guardrails (on OU Prod)' }],
  },
  {
    name: 'a guardrail SCP on the root is inherited',
    given: (inv) => {
      inv.organization = organization();
      inv.organization.policies.push({ ...guardrail, targets: ['r-root'] });
      inv.accounts = [prodAccount];
    },
    expect: [{ status: 'pass', evidence: '(on the root)' }],
  },
  {
    name: 'only FullAWSAccess, or a guardrail on another OU, fails',
    given: (inv) => {
      inv.organization = organization();
      inv.organization.policies.push({ ...guardrail, targets: ['ou-dev'] });
      inv.accounts = [prodAccount];
    },
    expect: [{ status: 'fail', evidence: 'checked account 111111111111, OU Prod, the root' }],
  },
  {
    name: 'the management account and standalone accounts are out of scope',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [{ id: MANAGEMENT_ACCOUNT, name: 'mgmt', isManagement: true, tags: {} }];
      inv.scope.accounts = [MANAGEMENT_ACCOUNT];
    },
    expect: [{ status: 'not_applicable', evidence: 'SCPs never restrict it' }],
  },
  {
    name: 'an unreadable organization is an error',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [prodAccount];
      gap(inv, 'organization', 'global');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
