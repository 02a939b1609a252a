import { defineFixtures, gap, iamUser } from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a console user with MFA passes',
    given: (inv) => inv.iam.users.push(iamUser({ name: 'alice', passwordEnabled: true, mfaDevices: 1 })),
    expect: [{ status: 'pass', resource: 'alice' }],
  },
  {
    name: 'a console user without MFA fails',
    given: (inv) =>
      inv.iam.users.push(
        iamUser({
          name: 'dev-shared',
          passwordEnabled: true,
          passwordLastUsedAt: '2026-10-30T08:00:00.000Z',
        }),
      ),
    expect: [{ status: 'fail', resource: 'dev-shared', evidence: 'no MFA device (last sign-in 2026-10-30)' }],
  },
  {
    name: 'a user without a console password is out of scope',
    given: (inv) => inv.iam.users.push(iamUser()),
    expect: [{ status: 'not_applicable', evidence: 'no console password' }],
  },
  {
    name: 'unreadable users are an error',
    given: (inv) => {
      inv.iam.users.push(iamUser({ passwordEnabled: true, mfaDevices: 1 }));
      gap(inv, 'iam.users', 'global');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
