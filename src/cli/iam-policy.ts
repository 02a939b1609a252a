import type { CommandModule } from 'yargs';
import { buildIamPolicy } from '../collect/iam-policy.ts';
import { DEFAULT_ROLE_NAME } from '../collect/options.ts';
import { loadConfig } from '../config.ts';
import { selectedChecks } from '../pipeline/settings.ts';
import { configOption, selectionOptions, type SelectionArgs } from './options.ts';

type Args = SelectionArgs & { org?: boolean; 'role-name'?: string; partition?: string };

export const iamPolicyCommand: CommandModule<object, Args> = {
  command: 'iam-policy',
  describe: 'Print the least-privilege, read-only IAM policy a review with these checks needs',
  builder: (yargs) =>
    yargs
      .option('org', {
        type: 'boolean',
        describe: 'Include reading the organization and assuming the member role',
      })
      .option('role-name', {
        type: 'string',
        describe: `Member role to assume with --org (default ${DEFAULT_ROLE_NAME})`,
      })
      .option('partition', {
        type: 'string',
        default: 'aws',
        describe: 'AWS partition of the role ARN (aws, aws-cn, aws-us-gov)',
      })
      .options({ ...selectionOptions, ...configOption })
      .example(
        '$0 iam-policy --org > wareview-policy.json',
        'Policy for an organization-wide review',
      ) as never,
  handler: async (args) => {
    const loaded = await loadConfig(args.config);
    const checks = await selectedChecks(args, loaded);
    const policy = buildIamPolicy({
      needs: [...new Set(checks.flatMap((check) => check.needs))],
      org: args.org ?? loaded.config.scope?.organization ?? false,
      roleName: args['role-name'] ?? loaded.config.scope?.roleName ?? DEFAULT_ROLE_NAME,
      partition: args.partition,
    });
    console.log(JSON.stringify(policy, null, 2));
  },
};
