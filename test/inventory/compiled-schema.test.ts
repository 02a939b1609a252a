import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileSchema, INVALID } from '../../src/inventory/compiled-schema.ts';
import { DEMO_ESTATE_PATH } from '../../src/inventory/demo.ts';
import { emptyInventory, inventorySchema } from '../../src/inventory/schema.ts';

const demoDocument = () => JSON.parse(readFileSync(DEMO_ESTATE_PATH, 'utf8')) as Record<string, unknown>;
const validateInventory = compileSchema(inventorySchema);

/** The compiled validator's verdict and data must be zod's, for documents zod accepts and rejects. */
function expectSameAsZod(document: unknown): void {
  const expected = inventorySchema.safeParse(structuredClone(document));
  const actual = validateInventory(structuredClone(document));
  if (expected.success) expect(actual).toEqual(expected.data);
  else expect(actual).toBe(INVALID);
}

/** A loosely typed JSON document, for making it wrong on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

function mutated(change: (document: Loose) => void): unknown {
  const document = demoDocument();
  change(document);
  return document;
}

describe('compiled inventory schema', () => {
  it.each([
    ['the bundled estate', demoDocument()],
    ['an empty snapshot with every default left out', emptyInventory('shop')],
    [
      'resources with their defaulted fields left out',
      mutated((d) => {
        for (const instance of d.ec2.instances) {
          delete instance.tags;
          delete instance.platform;
          delete instance.publicIp;
        }
        delete d.ec2.instanceConnectEndpoints;
      }),
    ],
    ['an unknown field inside a resource (dropped)', mutated((d) => (d.ec2.instances[0].extra = 1))],
    ['an unknown top-level part', mutated((d) => (d.lambda = {}))],
    ['a wrong field type', mutated((d) => (d.rds.instances[0].multiAz = 'no'))],
    ['an account id of 11 digits', mutated((d) => (d.accounts[0].id = '12345678901'))],
    ['an empty ARN', mutated((d) => (d.ec2.instances[0].arn = ''))],
    ['a date that is not ISO 8601', mutated((d) => (d.iam.users[0].createdAt = '27/11/2026'))],
    ['a date with an offset', mutated((d) => (d.iam.users[0].createdAt = '2026-11-27T09:00:00+01:00'))],
    ['a fractional count', mutated((d) => (d.iam.accountSummaries[0].users = 1.5))],
    ['a negative count', mutated((d) => (d.iam.accountSummaries[0].users = -1))],
    ['a promotion tier above 15', mutated((d) => (d.rds.clusters[0].members[0].promotionTier = 16))],
    ['an unknown enum value', mutated((d) => (d.kms.keys[0].state = 'Melting'))],
    ['a newer schema version', mutated((d) => (d.schemaVersion = 2))],
    ['a tag value that is a number', mutated((d) => (d.ec2.instances[0].tags = { env: 1 }))],
    ['a null where a list is required', mutated((d) => (d.ec2.instances = null))],
    ['a list where an object is required', mutated((d) => (d.ec2 = []))],
    ['null for the whole document', null],
  ])('agrees with zod on %s', (_name, document) => {
    expectSameAsZod(document);
  });

  it('gives each defaulted resource its own default value, not a shared one', () => {
    const document = emptyInventory('shop') as Loose;
    document.ec2.vpcs = [
      {
        arn: 'arn:1',
        accountId: '123456789012',
        region: 'eu-west-1',
        vpcId: 'v1',
        cidrBlock: '10.0.0.0/16',
        isDefault: false,
      },
      {
        arn: 'arn:2',
        accountId: '123456789012',
        region: 'eu-west-1',
        vpcId: 'v2',
        cidrBlock: '10.1.0.0/16',
        isDefault: false,
      },
    ];
    const valid = validateInventory(document) as Loose;
    expect(valid.ec2.vpcs[0].tags).toEqual({});
    expect(valid.ec2.vpcs[0].tags).not.toBe(valid.ec2.vpcs[1].tags);
  });

  it('hands kinds it does not compile to zod', () => {
    const schema = z.object({ email: z.string().email(), either: z.union([z.string(), z.number()]) });
    const validate = compileSchema(schema);
    expect(validate({ email: 'a@example.com', either: 1 })).toEqual({ email: 'a@example.com', either: 1 });
    expect(validate({ email: 'not an address', either: 1 })).toBe(INVALID);
    expect(validate({ email: 'a@example.com', either: true })).toBe(INVALID);
  });
});
