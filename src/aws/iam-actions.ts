/**
 * The IAM action that authorises an API operation. Mostly `prefix:Operation`; the table lists where
 * AWS names the permission differently from the operation
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
 */
const PREFIX_BY_CLIENT: Record<string, string> = {
  EC2: 'ec2',
  IAM: 'iam',
  RDS: 'rds',
  KMS: 'kms',
  SSM: 'ssm',
  S3: 's3',
  S3Control: 's3',
  CloudTrail: 'cloudtrail',
  Organizations: 'organizations',
  STS: 'sts',
};

const RENAMED: Record<string, string> = {
  'S3:ListBuckets': 's3:ListAllMyBuckets',
  'S3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  'S3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  'S3Control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
};

/** `iamActionFor('S3', 'GetBucketEncryption')` → `s3:GetEncryptionConfiguration`. `client` is the SDK client name without `Client`. */
export function iamActionFor(client: string, operation: string): string {
  return (
    RENAMED[`${client}:${operation}`] ?? `${PREFIX_BY_CLIENT[client] ?? client.toLowerCase()}:${operation}`
  );
}

/** Operations that only read: what a review may call. */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Describe|List|Get)[A-Z]/.test(operation);
}
