import { describe, expect, it } from 'vitest';
import { instanceSize } from '../../checks/database/_aurora.ts';
import { engineFamily, majorVersion } from '../../checks/_lib/_rds.ts';

describe('majorVersion', () => {
  it.each([
    ['mysql', '5.7.44', '5.7'],
    ['mysql', '8.0.39', '8.0'],
    ['mariadb', '10.6.14', '10.6'],
    ['aurora-mysql', '8.0.mysql_aurora.3.08.0', '3'],
    ['aurora-mysql', '5.7.mysql_aurora.2.11.2', '2'],
    ['postgres', '16.4', '16'],
    ['aurora-postgresql', '13.12', '13'],
    ['postgres', '9.6.24', '9.6'],
  ])('%s %s → %s', (engine, version, major) => {
    expect(majorVersion(engine, version)).toBe(major);
  });
});

describe('engineFamily', () => {
  it.each([
    ['mysql', 'mysql'],
    ['mariadb', 'mysql'],
    ['aurora-mysql', 'mysql'],
    ['postgres', 'postgres'],
    ['aurora-postgresql', 'postgres'],
    ['sqlserver-se', 'sqlserver'],
    ['oracle-ee', 'oracle'],
    ['db2-se', 'db2'],
    ['custom-engine', 'other'],
  ])('%s → %s', (engine, family) => {
    expect(engineFamily(engine)).toBe(family);
  });
});

describe('instanceSize', () => {
  it.each([
    ['db.t3.micro', 0.5],
    ['db.r6g.large', 2],
    ['db.r6g.xlarge', 4],
    ['db.r5.4xlarge', 16],
    ['db.r6i.24xlarge', 96],
    ['db.serverless', null],
  ])('%s → %s', (instanceClass, size) => {
    expect(instanceSize(instanceClass)).toBe(size);
  });
});
