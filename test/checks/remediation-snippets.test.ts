import { describe, expect, it } from 'vitest';
import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as ec2 from '@aws-sdk/client-ec2';
import * as kms from '@aws-sdk/client-kms';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as s3control from '@aws-sdk/client-s3-control';
import { loadChecks } from '../../src/engine/loader.ts';

/** AWS CLI service name → the SDK client whose commands the CLI calls. */
const CLIENTS: Record<string, object> = { cloudtrail, ec2, kms, rds, s3api: s3, s3control };
/** CLI commands that run locally instead of calling an API operation. */
const CLI_ONLY = new Set(['rds generate-db-auth-token']);
const AREAS = new Set(['encryption', 'database-ha']);

function operations(client: object): Set<string> {
  return new Set(
    Object.keys(client)
      .filter((name) => name.endsWith('Command'))
      .map((name) => name.slice(0, -'Command'.length).toLowerCase()),
  );
}

/** Every `aws <service> <command>` in a snippet, including chained ones. */
function awsCommands(snippet: string): string[] {
  return [...snippet.matchAll(/(?:^|&&\s*)aws ([a-z0-9-]+) ([a-z0-9-]+)/gm)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
}

const checks = (await loadChecks()).filter((check) => AREAS.has(check.area));

describe('remediation snippets call real AWS CLI commands', () => {
  it.each(checks.map((check) => [check.id, check] as const))('%s', (_id, check) => {
    const snippet = check.remediation.snippet ?? '';
    expect(snippet, 'a snippet the customer can run').not.toBe('');
    for (const command of awsCommands(snippet)) {
      if (CLI_ONLY.has(command)) continue;
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
