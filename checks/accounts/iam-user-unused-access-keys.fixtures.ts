import { defineFixtures, gap, iamUser } from '../../test/checks/kit.ts';

// The fixture snapshot is taken on 2026-11-01.
const key = (lastUsedAt: string | null, createdAt = '2025-01-01T00:00:00.000Z') => ({
  id: 'AKIAEXAMPLEKEY000002',
  status: 'Active' as const,
  createdAt,
  lastUsedAt,
});

export default defineFixtures([
  {
    name: 'a key used yesterday passes',
    given: (inv) => inv.iam.users.push(iamUser({ accessKeys: [key('2026-10-31T12:00:00.000Z')] })),
    expect: [{ status: 'pass', resource: 'deploy-bot' }],
  },
  {
    name: 'a key last used 100 days ago fails',
    given: (inv) => inv.iam.users.push(iamUser({ accessKeys: [key('2026-07-24T09:00:00.000Z')] })),
    expect: [{ status: 'fail', evidence: 'AKIAEXAMPLEKEY000002 last used 2026-07-24 (100 days ago)' }],
  },
  {
    name: 'a key never used since its creation a year ago fails',
    given: (inv) => inv.iam.users.push(iamUser({ accessKeys: [key(null)] })),
    expect: [{ status: 'fail', evidence: 'never used since its creation on 2025-01-01' }],
  },
  {
    name: 'a new key not used yet passes',
    given: (inv) => inv.iam.users.push(iamUser({ accessKeys: [key(null, '2026-10-20T00:00:00.000Z')] })),
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a user without keys is out of scope',
    given: (inv) => inv.iam.users.push(iamUser()),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable users are an error',
    given: (inv) => {
      inv.iam.users.push(iamUser({ accessKeys: [key('2026-10-31T12:00:00.000Z')] }));
      gap(inv, 'iam.users', 'global');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
