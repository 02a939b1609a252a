import { defineCheck, fail, notApplicable, pass } from '../../src/engine/check.ts';

export default defineCheck({
  id: 'cloudtrail-logs-encrypted-kms',
  title: 'CloudTrail log files are encrypted with a customer managed KMS key',
  area: 'encryption',
  pillar: 'security',
  severity: 'medium',
  description:
    'CloudTrail logs name every principal, resource and source address of the estate. By default they are encrypted with SSE-S3, so anyone who can read the bucket can read them; with SSE-KMS reading also needs kms:Decrypt on a key whose policy the security team controls.',
  needs: ['cloudtrail.trails'],
  wellArchitected: [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
    {
      question: 'detect-investigate-events',
      choice: 'sec_detect_investigate_events_logs',
      bestPractice: 'SEC04-BP02',
    },
  ],
  remediation: {
    summary:
      'Give the trail a customer managed KMS key whose policy lets CloudTrail encrypt and only log readers decrypt.',
    steps: [
      'Create a symmetric key in the log archive or security account, with rotation on.',
      'Allow cloudtrail.amazonaws.com to GenerateDataKey* with the aws:SourceArn of the trail, and allow the log readers kms:Decrypt.',
      'Update the trail to use the key; new log files are encrypted with it from then on.',
    ],
    snippet:
      'aws cloudtrail update-trail --name <trail> --kms-key-id arn:aws:kms:<region>:<account-id>:alias/<key-alias>',
    effort: 'low',
    downtime: false,
    extraCost: true,
  },
  docsUrl:
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  evaluate: (inventory) =>
    inventory.cloudtrail.trails.map((trail) => {
      if (trail.region !== trail.homeRegion) {
        return notApplicable(
          trail,
          `${trail.name} in ${trail.region} is a copy of the trail from ${trail.homeRegion}`,
        );
      }
      const destination = trail.s3BucketName ? ` in bucket ${trail.s3BucketName}` : '';
      return trail.kmsKeyId
        ? pass(trail, `trail ${trail.name} encrypts its logs${destination} with ${trail.kmsKeyId}`)
        : fail(trail, `trail ${trail.name} writes logs${destination} with SSE-S3 only, no KMS key`);
    }),
});
