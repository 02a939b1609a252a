import {
  defineFixtures,
  ec2Instance,
  gap,
  openToWorld,
  publicSubnet,
  securityGroup,
} from '../../test/checks/kit.ts';

const windowsHost = {
  name: 'legacy-ftp-gateway',
  platform: 'windows',
  publicIp: '18.195.20.77',
  ipv6Addresses: ['2a05:d018::77'],
  subnetId: 'subnet-public-a',
  securityGroupIds: ['sg-rdp', 'sg-ftp'],
};

export default defineFixtures([
  {
    name: 'RDP open to the internet fails',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(windowsHost));
      inv.ec2.subnets.push(publicSubnet({ publicIpv6: true }));
      inv.ec2.securityGroups.push(
        securityGroup({ groupId: 'sg-rdp', ingress: [openToWorld(3389)] }),
        securityGroup({ groupId: 'sg-ftp', ingress: [openToWorld(21)] }),
      );
    },
    expect: [
      { status: 'fail', evidence: 'RDP (3389) open to 0.0.0.0/0 on public instance legacy-ftp-gateway' },
    ],
  },
  {
    name: 'a port range around 3389 from ::/0 fails',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(windowsHost));
      inv.ec2.subnets.push(publicSubnet({ publicIpv6: true }));
      inv.ec2.securityGroups.push(
        securityGroup({
          groupId: 'sg-rdp',
          ingress: [{ protocol: 'tcp', fromPort: 3000, toPort: 4000, ipv6Ranges: ['::/0'] }],
        }),
        securityGroup({ groupId: 'sg-ftp' }),
      );
    },
    expect: [{ status: 'fail', evidence: 'open to ::/0' }],
  },
  {
    name: 'RDP only from another security group passes',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(windowsHost));
      inv.ec2.subnets.push(publicSubnet({ publicIpv6: true }));
      inv.ec2.securityGroups.push(
        securityGroup({
          groupId: 'sg-rdp',
          ingress: [{ protocol: 'tcp', fromPort: 3389, toPort: 3389, sourceGroupIds: ['sg-admin'] }],
        }),
        securityGroup({ groupId: 'sg-ftp', ingress: [openToWorld(21)] }),
      );
    },
    expect: [{ status: 'pass' }],
  },
  {
    name: 'a private instance is out of scope',
    given: (inv) => inv.ec2.instances.push(ec2Instance()),
    expect: [{ status: 'not_applicable' }],
  },
  {
    name: 'unreadable instances are an error',
    given: (inv) => {
      inv.ec2.instances.push(ec2Instance(windowsHost));
      gap(inv, 'ec2.instances');
    },
    expect: [{ status: 'error', messageId: 'coverage-gap' }],
  },
]);
