import { describe, expect, it } from 'vitest';
import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as ec2 from '@aws-sdk/client-ec2';
import * as iam from '@aws-sdk/client-iam';
import * as kms from '@aws-sdk/client-kms';
import * as organizations from '@aws-sdk/client-organizations';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as s3control from '@aws-sdk/client-s3-control';
import * as ssm from '@aws-sdk/client-ssm';
import { loadChecks } from '../../src/engine/loader.ts';

/** AWS CLI service name → the SDK client whose commands the CLI calls. */
const CLIENTS: Record<string, object> = {
  cloudtrail,
  ec2,
  iam,
  kms,
  organizations,
  rds,
  s3api: s3,
  s3control,
  ssm,
};
/** CLI commands that run locally instead of calling an API operation of that name. */
const CLI_ONLY = new Set([
  'rds generate-db-auth-token',
  'ec2-instance-connect ssh',
  'cloudtrail validate-logs',
]);
/**
 * Services the project ships no SDK client for; these commands are the ones the AWS Security
 * Reference Architecture documents for delegating the service to the security tooling account.
 */
const WITHOUT_CLIENT = new Set([
  'guardduty enable-organization-admin-account',
  'securityhub enable-organization-admin-account',
]);

function operations(client: object): Set<string> {
  return new Set(
    Object.keys(client)
      .filter((name) => name.endsWith('Command'))
      .map((name) => name.slice(0, -'Command'.length).toLowerCase()),
  );
}

/** Every `aws <service> <command>` in a snippet, at a line start or after `&&`. */
function awsCommands(snippet: string): string[] {
  return [...snippet.matchAll(/(?:^|&&\s*)aws ([a-z0-9-]+) ([a-z0-9-]+)/gm)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
}

const checks = (await loadChecks()).filter((check) => check.builtin);

describe('remediation snippets call real AWS CLI commands', () => {
  it.each(checks.map((check) => [check.id, check] as const))('%s', (_id, check) => {
    const snippet = check.remediation.snippet ?? '';
    expect(snippet, 'a snippet the customer can run').not.toBe('');
    for (const command of awsCommands(snippet)) {
      if (CLI_ONLY.has(command) || WITHOUT_CLIENT.has(command)) continue;
      const [service = '', operation = ''] = command.split(' ');
      const client = CLIENTS[service];
      expect(client, `unknown CLI service in "aws ${command}"`).toBeDefined();
      expect(
        operations(client ?? {}).has(operation.replaceAll('-', '')),
        `no API operation for "aws ${command}"`,
      ).toBe(true);
    }
  });
});
