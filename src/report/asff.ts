import { arnResourceType, type Severity } from '../engine/check.ts';
import type { CheckResult } from '../engine/results.ts';
import type { ReportModel } from './model.ts';

/** Security Hub resource types for the ARN service:kind pairs wareview reports on; anything else is `Other`. */
const RESOURCE_TYPES: Record<string, string> = {
  account: 'AwsAccount',
  'ec2:security-group': 'AwsEc2SecurityGroup',
  'ec2:instance': 'AwsEc2Instance',
  'ec2:volume': 'AwsEc2Volume',
  'ec2:vpc': 'AwsEc2Vpc',
  'rds:db': 'AwsRdsDbInstance',
  'rds:cluster': 'AwsRdsDbCluster',
  'rds:snapshot': 'AwsRdsDbSnapshot',
  s3: 'AwsS3Bucket',
  'kms:key': 'AwsKmsKey',
  'cloudtrail:trail': 'AwsCloudTrailTrail',
  'iam:role': 'AwsIamRole',
  'iam:user': 'AwsIamUser',
  'iam:policy': 'AwsIamPolicy',
};

const LABELS: Record<Severity, string> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  informational: 'INFORMATIONAL',
};

/** ASFF limits: Title 256, Description 1024, Recommendation.Text 512 characters. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function partitionOf(arn: string): string {
  const partition = arn.split(':')[1];
  return partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : 'aws';
}

function resource(result: CheckResult, fallbackRegion: string) {
  const type = RESOURCE_TYPES[result.resource.type ?? arnResourceType(result.resource.arn) ?? ''] ?? 'Other';
  const region = result.resource.region === 'global' ? fallbackRegion : result.resource.region;
  return {
    Type: type,
    Id: type === 'AwsAccount' ? `AWS::::Account:${result.resource.accountId}` : result.resource.arn,
    Partition: partitionOf(result.resource.arn),
    Region: region,
    ...(result.resource.name ? { Tags: { Name: truncate(result.resource.name, 256) } } : {}),
  };
}

/**
 * findings.asff.json: the Findings array of Security Hub's BatchImportFindings (send it in batches of 100).
 * Failures are FAILED, accepted risks are FAILED with workflow SUPPRESSED, unevaluated checks NOT_AVAILABLE.
 */
export function renderAsff(model: ReportModel): string {
  const document = model.results;
  const fallbackRegion = document.inventory.scope.regions[0] ?? 'us-east-1';
  const findings = document.results
    .filter((result) => result.status === 'fail' || result.status === 'error')
    .map((result) => {
      const check = model.checksById.get(result.checkId);
      const region = result.resource.region === 'global' ? fallbackRegion : result.resource.region;
      const account = result.resource.accountId;
      const title = check?.title ?? result.checkId;
      return {
        SchemaVersion: '2018-10-08',
        Id: `wareview/${result.checkId}/${result.findingKey}`,
        ProductArn: `arn:${partitionOf(result.resource.arn)}:securityhub:${region}:${account}:product/${account}/default`,
        GeneratorId: `wareview/${result.checkId}`,
        AwsAccountId: account,
        Types: [
          'Software and Configuration Checks/Industry and Regulatory Standards/AWS Well-Architected Framework',
        ],
        CreatedAt: document.evaluatedAt,
        UpdatedAt: document.evaluatedAt,
        Severity: { Label: LABELS[result.severity], Original: result.severity },
        Title: truncate(title, 256),
        Description: truncate(result.evidence || title, 1024),
        ...(check
          ? {
              Remediation: {
                Recommendation: {
                  Text: truncate(check.remediation.summary, 512),
                  ...(check.docsUrl ? { Url: check.docsUrl } : {}),
                },
              },
            }
          : {}),
        ProductFields: {
          'wareview/CheckId': result.checkId,
          'wareview/FindingKey': result.findingKey,
          'wareview/Area': result.area,
          'wareview/Pillar': result.pillar,
          ...(check
            ? { 'wareview/BestPractices': check.wellArchitected.map((m) => m.bestPractice).join(',') }
            : {}),
        },
        Resources: [resource(result, fallbackRegion)],
        Compliance: { Status: result.status === 'fail' ? 'FAILED' : 'NOT_AVAILABLE' },
        Workflow: { Status: result.suppressed ? 'SUPPRESSED' : 'NEW' },
        RecordState: 'ACTIVE',
        ...(result.suppressed
          ? {
              Note: {
                Text: truncate(
                  `${result.suppressed.reason}${result.suppressed.expires ? ` (until ${result.suppressed.expires})` : ''}`,
                  512,
                ),
                UpdatedBy: 'wareview',
                UpdatedAt: document.evaluatedAt,
              },
            }
          : {}),
      };
    });
  return `${JSON.stringify(findings, null, 2)}\n`;
}
