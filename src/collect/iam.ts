import {
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  paginateListAccessKeys,
  paginateListMFADevices,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { orWhenMissing } from '../aws/errors.ts';
import {
  base,
  collectPages,
  isoOrNull,
  mapConcurrently,
  partCollector,
  tagMap,
  type CollectContext,
} from './collector.ts';
import { allowedPrincipals, parsePolicyDocument } from './policy-document.ts';

const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'];

function iam(context: CollectContext) {
  return { client: context.client(IAMClient), pageSize: 1000 };
}

function authorizationDetails(context: CollectContext, filter: 'User' | 'Role') {
  return paginateGetAccountAuthorizationDetails(iam(context), { Filter: [filter] });
}

async function userCredentials(context: CollectContext, userName: string) {
  const client = context.client(IAMClient);
  const [keys, mfaDevices, loginProfile] = await Promise.all([
    collectPages(
      paginateListAccessKeys(iam(context), { UserName: userName }),
      (page) => page.AccessKeyMetadata,
    ),
    collectPages(paginateListMFADevices(iam(context), { UserName: userName }), (page) => page.MFADevices),
    orWhenMissing(client.send(new GetLoginProfileCommand({ UserName: userName })), NO_SUCH_ENTITY, undefined),
  ]);
  const accessKeys = await mapConcurrently(keys, async (key) => {
    const { AccessKeyLastUsed: lastUsed } = await client.send(
      new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }),
    );
    return {
      id: key.AccessKeyId ?? '',
      status: key.Status === 'Active' ? ('Active' as const) : ('Inactive' as const),
      createdAt: isoOrNull(key.CreateDate) ?? new Date(0).toISOString(),
      lastUsedAt: isoOrNull(lastUsed?.LastUsedDate),
    };
  });
  return { accessKeys, mfaDevices: mfaDevices.length, passwordEnabled: loginProfile !== undefined };
}

export const iamCollectors = [
  partCollector('iam', 'accountSummaries', {
    scope: 'account',
    actions: ['iam:GetAccountSummary'],
    async collect(context) {
      const { SummaryMap: summary = {} } = await context
        .client(IAMClient)
        .send(new GetAccountSummaryCommand({}));
      return [
        {
          ...base(context, `arn:${context.partition}:iam::${context.accountId}:root`, context.accountId),
          rootMfaEnabled: (summary.AccountMFAEnabled ?? 0) > 0,
          rootAccessKeysPresent: (summary.AccountAccessKeysPresent ?? 0) > 0,
          users: summary.Users ?? 0,
          roles: summary.Roles ?? 0,
        },
      ];
    },
  }),

  partCollector('iam', 'passwordPolicies', {
    scope: 'account',
    actions: ['iam:GetAccountPasswordPolicy'],
    async collect(context) {
      const answer = await orWhenMissing(
        context.client(IAMClient).send(new GetAccountPasswordPolicyCommand({})),
        NO_SUCH_ENTITY,
        undefined,
      );
      const policy = answer?.PasswordPolicy;
      return [
        {
          ...base(context, `arn:${context.partition}:iam::${context.accountId}:account-password-policy`),
          present: policy !== undefined,
          minimumLength: policy?.MinimumPasswordLength,
          requireSymbols: policy?.RequireSymbols,
          requireNumbers: policy?.RequireNumbers,
          requireUppercase: policy?.RequireUppercaseCharacters,
          requireLowercase: policy?.RequireLowercaseCharacters,
          maxAgeDays: policy?.MaxPasswordAge,
          reusePrevention: policy?.PasswordReusePrevention,
        },
      ];
    },
  }),

  partCollector('iam', 'users', {
    scope: 'account',
    actions: [
      'iam:ListUsers',
      'iam:GetAccountAuthorizationDetails',
      'iam:ListAccessKeys',
      'iam:GetAccessKeyLastUsed',
      'iam:ListMFADevices',
      'iam:GetLoginProfile',
    ],
    async collect(context) {
      // ListUsers has the password's last use; the authorization details have policies and tags.
      const [users, details] = await Promise.all([
        collectPages(paginateListUsers(iam(context), {}), (page) => page.Users),
        collectPages(authorizationDetails(context, 'User'), (page) => page.UserDetailList),
      ]);
      const detailsByArn = new Map(details.map((detail) => [detail.Arn, detail]));
      return mapConcurrently(users, async (user) => {
        const detail = detailsByArn.get(user.Arn);
        const credentials = await userCredentials(context, user.UserName ?? '');
        return {
          ...base(context, user.Arn ?? '', user.UserName ?? ''),
          createdAt: isoOrNull(user.CreateDate) ?? new Date(0).toISOString(),
          passwordEnabled: credentials.passwordEnabled,
          passwordLastUsedAt: isoOrNull(user.PasswordLastUsed),
          mfaDevices: credentials.mfaDevices,
          accessKeys: credentials.accessKeys,
          attachedPolicies: (detail?.AttachedManagedPolicies ?? []).map((policy) => policy.PolicyArn ?? ''),
          tags: tagMap(detail?.Tags ?? user.Tags),
        };
      });
    },
  }),

  partCollector('iam', 'roles', {
    scope: 'account',
    actions: ['iam:GetAccountAuthorizationDetails'],
    async collect(context) {
      const roles = await collectPages(authorizationDetails(context, 'Role'), (page) => page.RoleDetailList);
      return roles.map((role) => ({
        ...base(context, role.Arn ?? '', role.RoleName ?? ''),
        trustedPrincipals: allowedPrincipals(parsePolicyDocument(role.AssumeRolePolicyDocument)),
        attachedPolicies: (role.AttachedManagedPolicies ?? []).map((policy) => policy.PolicyArn ?? ''),
        lastUsedAt: isoOrNull(role.RoleLastUsed?.LastUsedDate),
      }));
    },
  }),
];
