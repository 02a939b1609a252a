import { GetDocumentCommand, paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import { orWhenMissing } from '../aws/errors.ts';
import { base, collectPages, partCollector } from './collector.ts';

/** Session Manager keeps its account preferences in this document, per region. */
export const SESSION_PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';

interface SessionPreferenceInputs {
  s3BucketName?: string;
  s3EncryptionEnabled?: boolean;
  cloudWatchLogGroupName?: string;
  cloudWatchEncryptionEnabled?: boolean;
  kmsKeyId?: string;
  idleSessionTimeout?: string | number;
}

function parseInputs(content: string | undefined): SessionPreferenceInputs {
  try {
    return (JSON.parse(content ?? '{}') as { inputs?: SessionPreferenceInputs }).inputs ?? {};
  } catch {
    return {};
  }
}

export const ssmCollectors = [
  partCollector('ssm', 'managedInstances', {
    scope: 'regional',
    actions: ['ssm:DescribeInstanceInformation'],
    async collect(context) {
      const instances = await collectPages(
        paginateDescribeInstanceInformation({ client: context.client(SSMClient), pageSize: 50 }, {}),
        (page) => page.InstanceInformationList,
      );
      return instances.map((instance) => {
        const id = instance.InstanceId ?? '';
        const arn = id.startsWith('i-')
          ? `arn:${context.partition}:ec2:${context.region}:${context.accountId}:instance/${id}`
          : `arn:${context.partition}:ssm:${context.region}:${context.accountId}:managed-instance/${id}`;
        return {
          ...base(context, arn, instance.ComputerName ?? id),
          instanceId: id,
          pingStatus: instance.PingStatus ?? 'Inactive',
          agentVersion: instance.AgentVersion,
          platformType: instance.PlatformType,
        };
      });
    },
  }),

  partCollector('ssm', 'sessionPreferences', {
    scope: 'regional',
    actions: ['ssm:GetDocument'],
    async collect(context) {
      const document = await orWhenMissing(
        context
          .client(SSMClient)
          .send(new GetDocumentCommand({ Name: SESSION_PREFERENCES_DOCUMENT, DocumentFormat: 'JSON' })),
        ['InvalidDocument'],
        undefined,
      );
      const inputs = parseInputs(document?.Content);
      const timeout = Number(inputs.idleSessionTimeout);
      return [
        {
          ...base(
            context,
            `arn:${context.partition}:ssm:${context.region}:${context.accountId}:document/${SESSION_PREFERENCES_DOCUMENT}`,
          ),
          configured: document !== undefined,
          s3BucketName: inputs.s3BucketName || null,
          s3EncryptionEnabled: inputs.s3EncryptionEnabled === true,
          cloudWatchLogGroupName: inputs.cloudWatchLogGroupName || null,
          cloudWatchEncryptionEnabled: inputs.cloudWatchEncryptionEnabled === true,
          kmsKeyId: inputs.kmsKeyId || null,
          idleSessionTimeoutMinutes: Number.isInteger(timeout) && timeout > 0 ? timeout : null,
        },
      ];
    },
  }),
];
