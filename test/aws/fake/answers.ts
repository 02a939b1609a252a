import type { FakeRequest, ResponseRow } from './server.ts';

/**
 * Answers every estate shares: identity, role assumption, and the empty answers an account gives where
 * it has nothing (the shape AWS returns for "no resources", not an error).
 */
export const EMPTY_ANSWERS: readonly ResponseRow[] = [
  ['EC2', 'DescribeInstances', '<reservationSet/>'],
  ['EC2', 'DescribeSecurityGroups', '<securityGroupInfo/>'],
  ['EC2', 'DescribeVpcs', '<vpcSet/>'],
  ['EC2', 'DescribeSubnets', '<subnetSet/>'],
  ['EC2', 'DescribeRouteTables', '<routeTableSet/>'],
  ['EC2', 'DescribeVolumes', '<volumeSet/>'],
  ['EC2', 'DescribeSnapshots', '<snapshotSet/>'],
  ['EC2', 'DescribeInstanceConnectEndpoints', '<instanceConnectEndpointSet/>'],
  [
    'EC2',
    'GetEbsEncryptionByDefault',
    '<ebsEncryptionByDefault>false</ebsEncryptionByDefault><sseType>sse-ebs</sseType>',
  ],
  ['EC2', 'GetEbsDefaultKmsKeyId', '<kmsKeyId>alias/aws/ebs</kmsKeyId>'],
  ['RDS', 'DescribeDBInstances', '<DBInstances/>'],
  ['RDS', 'DescribeDBClusters', '<DBClusters/>'],
  ['RDS', 'DescribeDBSnapshots', '<DBSnapshots/>'],
  ['RDS', 'DescribeDBClusterSnapshots', '<DBClusterSnapshots/>'],
  ['RDS', 'DescribeDBParameterGroups', '<DBParameterGroups/>'],
  ['RDS', 'DescribeDBClusterParameterGroups', '<DBClusterParameterGroups/>'],
  ['KMS', 'ListKeys', '{"Keys":[],"Truncated":false}'],
  ['KMS', 'ListAliases', '{"Aliases":[],"Truncated":false}'],
  ['SSM', 'DescribeInstanceInformation', '{"InstanceInformationList":[]}'],
  ['CloudTrail', 'DescribeTrails', '{"trailList":[]}'],
  ['IAM', 'ListUsers', '<Users/><IsTruncated>false</IsTruncated>'],
  [
    'IAM',
    'GetAccountAuthorizationDetails',
    '<UserDetailList/><RoleDetailList/><IsTruncated>false</IsTruncated>',
  ],
  ['IAM', 'ListAccountAliases', '<AccountAliases/><IsTruncated>false</IsTruncated>'],
  [
    'S3',
    'ListBuckets',
    '<ListAllMyBucketsResult><Owner><ID>owner</ID></Owner><Buckets/></ListAllMyBucketsResult>',
  ],
].map(([client, operation, body]) => ({ client: client!, operation: operation!, body: body! }));

/** Answers that AWS gives as an error when nothing is configured. */
export const NOT_CONFIGURED_ANSWERS: readonly ResponseRow[] = [
  [
    'IAM',
    'GetAccountPasswordPolicy',
    404,
    'NoSuchEntity',
    'The Password Policy with domain name acme cannot be found.',
  ],
  ['IAM', 'GetLoginProfile', 404, 'NoSuchEntity', 'Login Profile for User cannot be found.'],
  [
    'SSM',
    'GetDocument',
    400,
    'InvalidDocument',
    'Document with name SSM-SessionManagerRunShell does not exist.',
  ],
  [
    'S3',
    'GetBucketEncryption',
    404,
    'ServerSideEncryptionConfigurationNotFoundError',
    'The server side encryption configuration was not found',
  ],
  [
    'S3',
    'GetPublicAccessBlock',
    404,
    'NoSuchPublicAccessBlockConfiguration',
    'The public access block configuration was not found',
  ],
  ['S3', 'GetBucketPolicy', 404, 'NoSuchBucketPolicy', 'The bucket policy does not exist'],
  ['S3', 'GetBucketPolicyStatus', 404, 'NoSuchBucketPolicy', 'The bucket policy does not exist'],
  ['S3', 'GetBucketTagging', 404, 'NoSuchTagSet', 'The TagSet does not exist'],
  [
    'S3Control',
    'GetPublicAccessBlock',
    404,
    'NoSuchPublicAccessBlockConfiguration',
    'The public access block configuration was not found',
  ],
].map(([client, operation, status, code, message]) => ({
  client: client as string,
  operation: operation as string,
  error: { status: status as number, code: code as string, message: message as string },
}));

const HOUR_MS = 3_600_000;

/** STS: the caller by access key, and AssumeRole issuing keys that name the member account. */
export function identityAnswers(managementAccount: string, callerName = 'consultant'): ResponseRow[] {
  return [
    {
      client: 'STS',
      operation: 'GetCallerIdentity',
      body: (request: FakeRequest) =>
        request.account === managementAccount
          ? `<Arn>arn:aws:iam::${managementAccount}:user/${callerName}</Arn><UserId>AIDAEXAMPLE</UserId><Account>${managementAccount}</Account>`
          : `<Arn>arn:aws:sts::${request.account}:assumed-role/OrganizationAccountAccessRole/wareview-review</Arn><UserId>AROAEXAMPLE:wareview-review</UserId><Account>${request.account}</Account>`,
    },
    {
      client: 'STS',
      operation: 'AssumeRole',
      body: (request: FakeRequest) => {
        const account = /::(\d{12}):role\//.exec(request.params.RoleArn ?? '')?.[1] ?? '000000000000';
        return `<Credentials><AccessKeyId>ASIA${account}EX</AccessKeyId><SecretAccessKey>secret-${account}</SecretAccessKey><SessionToken>token-${account}</SessionToken><Expiration>${new Date(Date.now() + HOUR_MS).toISOString()}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:${request.params.RoleSessionName}</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/${request.params.RoleArn?.split('/').pop()}/${request.params.RoleSessionName}</Arn></AssumedRoleUser>`;
      },
    },
  ];
}

/** DescribeRegions for an account: `optedOut` regions are listed but not enabled. */
export function regionsAnswer(
  account: string,
  enabled: readonly string[],
  optedOut: readonly string[],
): ResponseRow {
  const item = (name: string, status: string) =>
    `<item><regionName>${name}</regionName><regionEndpoint>ec2.${name}.amazonaws.com</regionEndpoint><optInStatus>${status}</optInStatus></item>`;
  return {
    client: 'EC2',
    operation: 'DescribeRegions',
    account,
    body: `<regionInfo>${enabled.map((name) => item(name, name.startsWith('ap-east') ? 'opted-in' : 'opt-in-not-required')).join('')}${optedOut.map((name) => item(name, 'not-opted-in')).join('')}</regionInfo>`,
  };
}
