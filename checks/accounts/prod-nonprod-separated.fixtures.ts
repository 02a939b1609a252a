import {
  bucket,
  defineFixtures,
  ec2Instance,
  gap,
  MANAGEMENT_ACCOUNT,
  organization,
  OTHER_ACCOUNT,
  rdsInstance,
} from '../../test/checks/kit.ts';

export default defineFixtures([
  {
    name: 'a production account with production resources passes',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'shop-prod', ouPath: ['Workloads', 'Prod'], tags: {} }];
      inv.ec2.instances.push(ec2Instance({ tags: { environment: 'production' } }));
    },
    expect: [{ status: 'pass', resource: 'shop-prod', evidence: 'holds production only: OU Workloads/Prod' }],
  },
  {
    name: 'a non-production OU is not read as production',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'shop-product-catalog', ouPath: ['NonProd'], tags: {} }];
    },
    expect: [{ status: 'pass', evidence: 'holds non-production only: OU NonProd' }],
  },
  {
    name: 'camelCase OUs are read: ScaleProd is production, ScaleNonProd is not',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'scale-01', ouPath: ['ScaleProd'], tags: {} }];
      inv.rds.instances.push(rdsInstance({ identifier: 'orders-qa', tags: { Environment: 'ScaleNonProd' } }));
    },
    expect: [
      {
        status: 'fail',
        evidence:
          'is production (OU ScaleProd) but holds non-production resources: orders-qa (Environment=ScaleNonProd)',
      },
    ],
  },
  {
    name: 'an account of the organization left out of the scan gets no verdict, whatever its name',
    given: (inv) => {
      inv.accounts = [
        { id: '111111111111', name: 'shop-dev', ouPath: ['ScaleNonProd'], tags: {} },
        { id: OTHER_ACCOUNT, name: 'shop-prod', tags: {} },
      ];
    },
    expect: [
      { status: 'pass', resource: 'shop-dev', evidence: 'holds non-production only: OU ScaleNonProd' },
    ],
  },
  {
    name: 'a production account holding a development database fails',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'shop', tags: { environment: 'production' } }];
      inv.rds.instances.push(rdsInstance({ identifier: 'orders-dev', tags: { environment: 'development' } }));
    },
    expect: [
      {
        status: 'fail',
        evidence:
          'shop (111111111111) is production (tag environment=production) but holds non-production resources: orders-dev (environment=development)',
      },
    ],
  },
  {
    name: 'an untagged account holding production and staging resources fails',
    given: (inv) => {
      inv.ec2.instances.push(
        ec2Instance({ name: 'web', tags: { env: 'prod' } }),
        ec2Instance({ instanceId: 'i-0staging', name: 'web-staging', tags: { env: 'staging' } }),
      );
      inv.s3.buckets.push(bucket({ tags: { Environment: 'Production' } }));
    },
    expect: [
      {
        status: 'fail',
        evidence:
          'holds production resources (web (env=prod), shop-assets (Environment=Production)) and non-production resources (web-staging (env=staging))',
      },
    ],
  },
  {
    name: 'an account whose OU and name disagree fails',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'shop-dev', ouPath: ['Prod'], tags: {} }];
    },
    expect: [
      {
        status: 'fail',
        evidence: 'is named both ways: production per OU Prod; non-production per name shop-dev',
      },
    ],
  },
  {
    name: 'an account that names no environment is not judged',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'shop-log-archive', ouPath: ['Security'], tags: {} }];
      inv.s3.buckets.push(bucket({ tags: { environment: 'security' } }));
    },
    expect: [{ status: 'not_applicable', evidence: 'names no environment' }],
  },
  {
    name: 'the management account is left to its own check',
    given: (inv) => {
      inv.organization = organization();
      inv.accounts = [{ id: MANAGEMENT_ACCOUNT, name: 'root-prod', isManagement: true, tags: {} }];
      inv.scope.accounts = [MANAGEMENT_ACCOUNT];
    },
    expect: [{ status: 'not_applicable', evidence: 'management account' }],
  },
  {
    name: 'unreadable instances are an error, not a pass',
    given: (inv) => {
      inv.accounts = [{ id: '111111111111', name: 'shop-prod', tags: {} }];
      gap(inv, 'ec2.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
