import type { CheckMetadata } from '../../src/engine/check.ts';
import type { CheckResult, ResultsDocument } from '../../src/engine/results.ts';

/** Small results documents with real `wellarchitected` question and choice ids. */
const ACCOUNT = '123456789012';
export const RUN_ID = '5f0c2a9e-7d31-4c1b-9a4e-2b8d6f1e0c77';

function check(
  id: string,
  area: CheckMetadata['area'],
  pillar: CheckMetadata['pillar'],
  wellArchitected: CheckMetadata['wellArchitected'],
): CheckMetadata {
  return {
    id,
    title: `${id.replace(/-/g, ' ')} is configured as recommended`,
    area,
    pillar,
    severity: 'high',
    needs: ['rds.instances'],
    wellArchitected,
    remediation: {
      summary: `Fix ${id}.`,
      steps: [`Apply the fix for ${id}.`],
      effort: 'low',
      downtime: false,
      extraCost: false,
    },
  };
}

export const CHECKS: CheckMetadata[] = [
  check('rds-multi-az', 'database-ha', 'reliability', [
    {
      question: 'fault-isolation',
      choice: 'rel_fault_isolation_multiaz_region_system',
      bestPractice: 'REL10-BP01',
    },
    {
      question: 'withstand-component-failures',
      choice: 'rel_withstand_component_failures_failover2good',
      bestPractice: 'REL11-BP02',
    },
  ]),
  check('org-multi-account', 'account-separation', 'security', [
    {
      question: 'securely-operate',
      choice: 'sec_securely_operate_multi_accounts',
      bestPractice: 'SEC01-BP01',
    },
  ]),
  check('root-mfa', 'account-separation', 'security', [
    { question: 'securely-operate', choice: 'sec_securely_operate_aws_account', bestPractice: 'SEC01-BP02' },
  ]),
  check('ebs-encrypted', 'encryption', 'security', [
    { question: 'protect-data-rest', choice: 'sec_protect_data_rest_encrypt', bestPractice: 'SEC08-BP02' },
  ]),
  check('tls-in-transit', 'encryption', 'security', [
    {
      question: 'protect-data-transit',
      choice: 'sec_protect_data_transit_encrypt',
      bestPractice: 'SEC09-BP02',
    },
  ]),
  check('bastion-ssm', 'remote-access', 'security', [
    {
      question: 'protect-compute',
      choice: 'sec_protect_compute_reduce_manual_management',
      bestPractice: 'SEC06-BP03',
    },
  ]),
];

type Status = CheckResult['status'];

export function result(
  checkId: string,
  status: Status,
  resourceName: string,
  extra: Partial<CheckResult> = {},
): CheckResult {
  const meta = CHECKS.find((candidate) => candidate.id === checkId)!;
  return {
    checkId,
    status,
    severity: meta.severity,
    area: meta.area,
    pillar: meta.pillar,
    resource: {
      arn: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:${resourceName}`,
      accountId: ACCOUNT,
      region: 'eu-west-1',
      name: resourceName,
    },
    evidence: status === 'fail' ? `${resourceName} is not compliant` : `${resourceName} is compliant`,
    findingKey: `${checkId}:${resourceName}`,
    ...extra,
  };
}

export function resultsDocument(results: CheckResult[], workload = 'orders-platform'): ResultsDocument {
  const empty = { score: null, pass: 0, fail: 0, error: 0, notApplicable: 0 };
  return {
    schemaVersion: 1,
    generator: { name: 'wareview', version: '0.1.0' },
    evaluatedAt: '2026-11-27T02:20:31.000Z',
    runId: RUN_ID,
    workload,
    inventory: {
      collectedAt: '2026-11-27T02:10:00.000Z',
      scope: { accounts: [ACCOUNT], regions: ['eu-west-1', 'global'], organization: false },
      accounts: [{ id: ACCOUNT, name: 'prod', ouPath: [] }],
      coverage: [],
    },
    lens: { alias: 'wellarchitected', version: '2024-06-27' },
    checks: CHECKS,
    results,
    summary: { total: empty, byArea: {}, byPillar: {}, failuresBySeverity: {} },
    warnings: [],
  };
}

/**
 * The standard estate of the tests: Multi-AZ proven, multi-account proven, root MFA failing on one
 * account, encryption at rest failing on two volumes (one suppressed), TLS suppressed only, and a
 * collection gap on the bastion check.
 */
export function standardResults(): ResultsDocument {
  return resultsDocument([
    result('rds-multi-az', 'pass', 'orders-db'),
    result('rds-multi-az', 'pass', 'billing-db'),
    result('org-multi-account', 'pass', 'organization'),
    result('root-mfa', 'fail', 'prod-account'),
    result('root-mfa', 'pass', 'dev-account'),
    result('ebs-encrypted', 'fail', 'vol-0a1'),
    result('ebs-encrypted', 'fail', 'vol-0b2', {
      suppressed: { reason: 'scratch volume, wiped daily', expires: null },
    }),
    result('ebs-encrypted', 'pass', 'vol-0c3'),
    result('tls-in-transit', 'fail', 'legacy-elb', {
      suppressed: { reason: 'decommissioned in Q1', expires: '2027-03-31' },
    }),
    result('bastion-ssm', 'error', 'bastion', { evidence: 'ec2.instances could not be read: AccessDenied' }),
  ]);
}
