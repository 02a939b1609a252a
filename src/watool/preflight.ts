import { describeError, userError } from '../errors.ts';
import { createWellArchitectedClient } from './client.ts';

/**
 * Resolves the region and the credentials the WA Tool client will use, before any call, so a user who
 * has neither hears about both at once instead of one per attempt.
 */
export async function assertWaToolReachable(options: { region?: string } = {}): Promise<void> {
  const client = createWellArchitectedClient(options);
  try {
    const problems: string[] = [];
    await client.config.region().catch(() => {
      problems.push('no AWS region is set');
    });
    await client.config.credentials().catch((error: unknown) => {
      problems.push(`no AWS credentials were found (${describeError(error).split('\n')[0]})`);
    });
    if (problems.length === 0) return;
    throw userError(
      'WATOOL_NOT_CONFIGURED',
      `cannot record in the WA Tool: ${problems.join(' and ')}`,
      [
        problems.some((problem) => problem.includes('region')) &&
          'Set the region of the WA Tool workload: AWS_REGION=eu-west-1 (or region in the AWS profile).',
        problems.some((problem) => problem.includes('credentials')) &&
          'Give credentials the AWS CLI would use: AWS_PROFILE (after `aws sso login` for SSO) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.',
      ]
        .filter(Boolean)
        .join(' '),
    );
  } finally {
    client.destroy();
  }
}
