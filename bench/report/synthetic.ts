import { findingKey, sortResults, summarise } from '../../src/engine/evaluate.ts';
import { resultsDocumentSchema, type CheckResult, type ResultsDocument } from '../../src/engine/results.ts';
import { FIXTURE_CHECKS } from '../../test/report/fixtures/checks.ts';

const REGIONS = ['eu-central-1', 'eu-west-1', 'us-east-1', 'ap-southeast-2'];
const RESOURCE_KINDS: Record<
  string,
  (account: string, region: string, index: number) => { arn: string; name: string }
> = {
  ec2: (account, region, index) => ({
    arn: `arn:aws:ec2:${region}:${account}:security-group/sg-${index.toString(16).padStart(17, '0')}`,
    name: `app-${index}-sg`,
  }),
  rds: (account, region, index) => ({
    arn: `arn:aws:rds:${region}:${account}:db:orders-${index}`,
    name: `orders-${index}`,
  }),
  s3: (_account, _region, index) => ({ arn: `arn:aws:s3:::data-lake-${index}`, name: `data-lake-${index}` }),
  kms: (account, region, index) => ({
    arn: `arn:aws:kms:${region}:${account}:key/${index.toString(16).padStart(8, '0')}-4b5d-4c3e-9a8b-7c6d5e4f3a21`,
    name: `alias/app-${index}`,
  }),
  org: (account) => ({ arn: `arn:aws:::${account}`, name: account }),
};

function kindOf(checkId: string): string {
  if (checkId.startsWith('rds')) return 'rds';
  if (checkId.startsWith('s3')) return 's3';
  if (checkId.startsWith('kms')) return 'kms';
  if (checkId.startsWith('ec2')) return 'ec2';
  return 'org';
}

/** A large estate: `findings` failing results spread over the checks, 120 accounts and four regions. */
export function syntheticResults(findings: number, accountCount = 120): ResultsDocument {
  const accounts = Array.from({ length: accountCount }, (_, index) => ({
    id: String(100000000000 + index * 7919),
    name: `workload-${String(index).padStart(3, '0')}`,
    ouPath: ['Root', index % 3 === 0 ? 'Prod' : 'NonProd'],
  }));
  const results: CheckResult[] = [];
  for (let index = 0; index < findings * 1.25; index += 1) {
    const check = FIXTURE_CHECKS[index % FIXTURE_CHECKS.length]!;
    const account = accounts[index % accounts.length]!;
    const region = REGIONS[index % REGIONS.length]!;
    const resource = RESOURCE_KINDS[kindOf(check.id)]!(account.id, region, index);
    const failing = index < findings;
    results.push({
      checkId: check.id,
      status: failing ? 'fail' : 'pass',
      severity: check.severity,
      area: check.area,
      pillar: check.pillar,
      resource: { ...resource, accountId: account.id, region },
      evidence: failing
        ? `${resource.name} in ${account.name} (${region}) does not meet "${check.title}"`
        : 'compliant',
      findingKey: findingKey(check.id, resource.arn),
      ...(failing && index % 500 === 0
        ? { suppressed: { reason: 'accepted until the migration', expires: '2027-06-30' } }
        : {}),
    });
  }
  return resultsDocumentSchema.parse({
    schemaVersion: 1,
    generator: { name: 'wareview', version: '0.1.0' },
    evaluatedAt: '2026-11-20T09:30:00.000Z',
    workload: 'large-estate',
    inventory: {
      collectedAt: '2026-11-20T09:00:00.000Z',
      scope: { accounts: accounts.map((account) => account.id), regions: REGIONS, organization: true },
      accounts,
      coverage: [],
    },
    lens: { alias: 'wellarchitected', version: '2024-06-27' },
    checks: FIXTURE_CHECKS,
    results: sortResults(results),
    summary: summarise(results),
    warnings: [],
  });
}
