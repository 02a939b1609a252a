import { defineFixtures, gap, iamUser } from '../../test/checks/kit.ts';

const activeKey = {
  id: 'AKIAEXAMPLEKEY000003',
  status: 'Active' as const,
  createdAt: '2026-10-01T00:00:00.000Z',
};

export default defineFixtures([
  {
    name: 'a user with a narrow policy passes',
    given: (inv) =>
      inv.iam.users.push(iamUser({ attachedPolicies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] })),
    expect: [{ status: 'pass', resource: 'deploy-bot' }],
  },
  {
    name: 'a CI user with AdministratorAccess and a key fails',
    given: (inv) =>
      inv.iam.users.push(
        iamUser({
          name: 'ci-deploy',
          attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
          accessKeys: [activeKey],
        }),
      ),
    expect: [
      {
        status: 'fail',
        evidence:
          'ci-deploy in workload (111111111111) has AdministratorAccess attached and active access keys',
      },
    ],
  },
  {
    name: 'a user without attached policies is out of scope',
    given: (inv) => inv.iam.users.push(iamUser()),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable users are an error',
    given: (inv) => {
      inv.iam.users.push(iamUser({ attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }));
      gap(inv, 'iam.users', 'global');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
