import { roleArn } from '../aws/credentials.ts';
import { requiredActions } from './registry.ts';

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string | string[]; Resource: string }[];
}

/**
 * The least privilege a review needs: the read actions of the collectors for the selected checks, and
 * with --org the right to assume the review role in the member accounts.
 */
export function buildIamPolicy(options: {
  needs?: string[];
  org: boolean;
  roleName: string;
  partition?: string;
}): IamPolicyDocument {
  const statements: IamPolicyDocument['Statement'] = [
    {
      Sid: 'WareviewReadOnly',
      Effect: 'Allow',
      Action: requiredActions(options.needs, options.org),
      Resource: '*',
    },
  ];
  if (options.org) {
    statements.push({
      Sid: 'WareviewAssumeMemberRole',
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: roleArn('*', options.roleName, options.partition),
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}
