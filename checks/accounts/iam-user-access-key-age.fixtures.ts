import { defineFixtures, gap, iamUser } from '../../test/checks/kit.ts';

// The fixture snapshot is taken on 2026-11-01.
const key = (createdAt: string, status: 'Active' | 'Inactive' = 'Active') => ({
  id: 'AKIAEXAMPLEKEY000001',
  status,
  createdAt,
});

export default defineFixtures([
  {
    name: 'a key created 31 days before the snapshot passes',
    given: (inv) => inv.iam.users.push(iamUser({ accessKeys: [key('2026-10-01T09:00:00.000Z')] })),
    expect: [{ status: 'pass', resource: 'deploy-bot', evidence: 'at most 31 days old' }],
  },
  {
    name: 'a key of 91 days fails with its age and creation date',
    given: (inv) => inv.iam.users.push(iamUser({ accessKeys: [key('2026-08-02T08:00:00.000Z')] })),
    expect: [{ status: 'fail', evidence: 'AKIAEXAMPLEKEY000001 is 91 days old (created 2026-08-02)' }],
  },
  {
    name: 'a user with only inactive keys is out of scope',
    given: (inv) =>
      inv.iam.users.push(iamUser({ accessKeys: [key('2020-01-01T00:00:00.000Z', 'Inactive')] })),
    expect: [{ status: 'not_applicable', evidence: 'no active access keys' }],
  },
  {
    name: 'unreadable users are an error',
    given: (inv) => {
      inv.iam.users.push(iamUser({ accessKeys: [key('2026-10-01T09:00:00.000Z')] }));
      gap(inv, 'iam.users', 'global');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
