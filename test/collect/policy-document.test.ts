import type { RouteTable } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { publicSubnetIds } from '../../src/collect/ec2.ts';
import {
  allowedPrincipals,
  deniesInsecureTransport,
  parsePolicyDocument,
} from '../../src/collect/policy-document.ts';

const deny = (condition: Record<string, Record<string, unknown>>, principal: unknown = '*') =>
  JSON.stringify({
    Statement: [{ Effect: 'Deny', Principal: principal, Action: 's3:*', Condition: condition }],
  });

describe('deniesInsecureTransport (S3 tlsOnlyPolicy)', () => {
  it.each([
    {
      title: 'Bool aws:SecureTransport false',
      policy: deny({ Bool: { 'aws:SecureTransport': 'false' } }),
      tlsOnly: true,
    },
    {
      title: 'BoolIfExists, boolean value, any key case',
      policy: deny({ BoolIfExists: { 'AWS:securetransport': false } }),
      tlsOnly: true,
    },
    {
      title: 'Principal {AWS: "*"}',
      policy: deny({ Bool: { 'aws:SecureTransport': 'false' } }, { AWS: '*' }),
      tlsOnly: true,
    },
    {
      title: 'only one principal denied',
      policy: deny({ Bool: { 'aws:SecureTransport': 'false' } }, { AWS: 'arn:aws:iam::1:root' }),
      tlsOnly: false,
    },
    {
      title: 'denies TLS instead',
      policy: deny({ Bool: { 'aws:SecureTransport': 'true' } }),
      tlsOnly: false,
    },
    {
      title: 'another condition key',
      policy: deny({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }),
      tlsOnly: false,
    },
    {
      title: 'an Allow statement',
      policy: JSON.stringify({
        Statement: {
          Effect: 'Allow',
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      }),
      tlsOnly: false,
    },
    { title: 'no policy', policy: undefined, tlsOnly: false },
    { title: 'not JSON', policy: '{oops', tlsOnly: false },
  ])('$title → $tlsOnly', ({ policy, tlsOnly }) => {
    expect(deniesInsecureTransport(parsePolicyDocument(policy))).toBe(tlsOnly);
  });
});

describe('allowedPrincipals (role trust policies, URL-encoded as IAM returns them)', () => {
  it('lists services, accounts and federated providers of Allow statements', () => {
    const document = encodeURIComponent(
      JSON.stringify({
        Statement: [
          { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'ssm.amazonaws.com'] } },
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::222222222222:root', Federated: 'cognito-identity.amazonaws.com' },
          },
          { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::333333333333:root' } },
        ],
      }),
    );
    expect(allowedPrincipals(parsePolicyDocument(document))).toEqual([
      'arn:aws:iam::222222222222:root',
      'cognito-identity.amazonaws.com',
      'ec2.amazonaws.com',
      'ssm.amazonaws.com',
    ]);
  });
});

describe('publicSubnetIds', () => {
  const route = (gatewayId: string, state = 'active') => ({
    DestinationCidrBlock: '0.0.0.0/0',
    GatewayId: gatewayId,
    State: state,
  });
  it.each([
    {
      title: 'explicit table to an internet gateway',
      tables: [{ VpcId: 'v', Routes: [route('igw-1')], Associations: [{ SubnetId: 's' }] }],
      public: true,
    },
    {
      title: 'main table to an internet gateway, no explicit association',
      tables: [{ VpcId: 'v', Routes: [route('igw-1')], Associations: [{ Main: true }] }],
      public: true,
    },
    {
      title: 'explicit NAT table wins over a public main table',
      tables: [
        { VpcId: 'v', Routes: [route('igw-1')], Associations: [{ Main: true }] },
        {
          VpcId: 'v',
          Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }],
          Associations: [{ SubnetId: 's' }],
        },
      ],
      public: false,
    },
    {
      title: 'blackhole route',
      tables: [{ VpcId: 'v', Routes: [route('igw-1', 'blackhole')], Associations: [{ SubnetId: 's' }] }],
      public: false,
    },
    {
      title: 'IPv6 default route to an internet gateway (public to IPv6 only)',
      tables: [
        {
          VpcId: 'v',
          Routes: [{ DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1' }],
          Associations: [{ SubnetId: 's' }],
        },
      ],
      public: false,
      publicIpv6: true,
    },
    {
      title: 'virtual private gateway',
      tables: [{ VpcId: 'v', Routes: [route('vgw-1')], Associations: [{ SubnetId: 's' }] }],
      public: false,
    },
  ])('$title → public $public', ({ tables, public: isPublic, publicIpv6 = false }) => {
    const subnets = [{ SubnetId: 's', VpcId: 'v' }];
    expect(publicSubnetIds(tables as RouteTable[], subnets, 'ipv4').has('s')).toBe(isPublic);
    expect(publicSubnetIds(tables as RouteTable[], subnets, 'ipv6').has('s')).toBe(publicIpv6);
  });
});
