import { defineCheck, fail, pass } from '../../src/engine/check.ts';
import { perSessionScope } from './_session-scope.ts';

export default defineCheck({
  id: 'session-manager-logging',
  title: 'Session Manager records session activity to S3 or CloudWatch Logs',
  area: 'remote-access',
  pillar: 'security',
  severity: 'medium',
  description:
    'Replacing a bastion with Session Manager only improves accountability if the sessions are recorded. Session Manager preferences are per account and region; by default they log nothing, so the commands typed on production instances leave no trace beyond the StartSession call in CloudTrail.',
  needs: ['ssm.sessionPreferences', 'ec2.instances'],
  wellArchitected: [
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_app_service_logging',
      bestPractice: 'SEC04-BP01',
    },
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
  ],
  remediation: {
    summary:
      'Set Session Manager preferences in every account and region to stream session logs to CloudWatch Logs and/or an encrypted S3 bucket.',
    steps: [
      'Create the log group (with a KMS key and a retention period) or a bucket, ideally replicated to the log archive account.',
      'Give the instance role permission to write there (logs:PutLogEvents / s3:PutObject and kms:GenerateDataKey).',
      'Update the SSM-SessionManagerRunShell preferences document with the destinations; deploy it to all accounts with a CloudFormation StackSet.',
    ],
    snippet:
      'aws ssm update-document --name SSM-SessionManagerRunShell --document-version \'$LATEST\' --content \'{"schemaVersion":"1.0","description":"Session preferences","sessionType":"Standard_Stream","inputs":{"s3BucketName":"<bucket>","s3EncryptionEnabled":true,"cloudWatchLogGroupName":"/ssm/sessions","cloudWatchEncryptionEnabled":true,"cloudWatchStreamingEnabled":true,"kmsKeyId":"<key-arn>","idleSessionTimeout":"20"}}\'',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-logging.html',
  evaluate: (inventory) =>
    perSessionScope(inventory, ({ preferences, place, targets }) => {
      const destinations = [
        preferences.s3BucketName ? `S3 bucket ${preferences.s3BucketName}` : '',
        preferences.cloudWatchLogGroupName
          ? `CloudWatch log group ${preferences.cloudWatchLogGroupName}`
          : '',
      ].filter(Boolean);
      if (destinations.length > 0)
        return pass(
          preferences,
          `Session Manager in ${place} logs sessions to ${destinations.join(' and ')}`,
        );
      const state = preferences.configured
        ? 'are configured without a log destination'
        : 'are not configured';
      return fail(
        preferences,
        `Session Manager preferences in ${place} ${state}: sessions to ${targets} are not recorded`,
      );
    }),
});
