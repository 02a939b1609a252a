import {
  ACCOUNT,
  defineFixtures,
  gap,
  MANAGEMENT_ACCOUNT,
  organization,
  OTHER_ACCOUNT,
} from '../../test/checks/kit.ts';

const logArchive = { id: ACCOUNT, name: 'shop-log-archive', ouPath: ['Security'], tags: {} };
const audit = { id: OTHER_ACCOUNT, name: 'Audit', ouPath: ['Security'], tags: {} };

export default defineFixtures([
  {
    name: 'log archive and audit accounts pass',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [logArchive, audit];
    },
    expect: [
      {
        status: 'pass',
        resource: 'o-exampleorgid',
        evidence:
          'log archive: shop-log-archive (111111111111) in OU Security; security tooling (audit): Audit',
      },
    ],
  },
  {
    name: 'a missing security tooling account fails',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [logArchive];
    },
    expect: [
      {
        status: 'fail',
        evidence: 'has no security tooling (audit) account (found log archive: shop-log-archive',
      },
    ],
  },
  {
    name: 'one account cannot be both the log archive and the security tooling account',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [{ id: ACCOUNT, name: 'security-logs', tags: {} }];
    },
    expect: [
      {
        status: 'fail',
        evidence: 'has no security tooling (audit) account (found log archive: security-logs',
      },
    ],
  },
  {
    name: 'the management account does not count as a security account',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [{ id: MANAGEMENT_ACCOUNT, name: 'security-and-logs', isManagement: true, tags: {} }];
    },
    expect: [{ status: 'fail', evidence: 'has no log archive and no security tooling (audit) account' }],
  },
  {
    name: 'a standalone account is left to organization-exists',
    given: () => {},
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'an unreadable account list is an error',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [logArchive, audit];
      gap(inv, 'accounts', 'global', MANAGEMENT_ACCOUNT);
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
