import type { Inventory } from '../../src/inventory/schema.ts';
import type { Instance } from './_instances.ts';
import {
  groupsOfInstance,
  internetExposures,
  missingGroupIds,
  type AddressFamily,
  type Exposure,
} from './_network.ts';

/**
 * The one reachability model every check that says "public" or "internet" uses, so checks agree
 * about the same instance. An instance is reachable from the internet on a port when
 *   - it has a public IPv4 address and its subnet routes 0.0.0.0/0 to an internet gateway, or an IPv6
 *     address and its subnet routes ::/0 to an internet gateway (an address path), and
 *   - one of its security groups admits the port from the internet in that address family: 0.0.0.0/0,
 *     ::/0, or a managed prefix list holding one of them.
 */
type Subnet = Inventory['ec2']['subnets'][number];

export interface AddressPath {
  family: AddressFamily;
  address: string;
}

export type AddressReach =
  /** The internet can route to these addresses of the instance. */
  | { kind: 'routed'; paths: AddressPath[] }
  /** No address of the instance is routed from the internet; `why` says so for evidence. */
  | { kind: 'unrouted'; why: string }
  /** The snapshot lacks what the answer depends on (the subnet). */
  | { kind: 'unknown'; why: string };

const subnetIndexes = new WeakMap<Inventory, Map<string, Subnet>>();

export function subnetOf(inventory: Inventory, instance: Instance): Subnet | undefined {
  let index = subnetIndexes.get(inventory);
  if (!index) {
    index = new Map(inventory.ec2.subnets.map((s) => [`${s.accountId}/${s.region}/${s.subnetId}`, s]));
    subnetIndexes.set(inventory, index);
  }
  return index.get(`${instance.accountId}/${instance.region}/${instance.subnetId}`);
}

/** The address families whose default route goes to an internet gateway in the subnet. */
export function internetRoutedFamilies(subnet: Subnet): AddressFamily[] {
  return [...(subnet.public ? (['IPv4'] as const) : []), ...(subnet.publicIpv6 ? (['IPv6'] as const) : [])];
}

/** `subnet web-a (subnet-0abc)` */
export function subnetLabel(subnet: Subnet): string {
  return subnet.name && subnet.name !== subnet.subnetId
    ? `${subnet.name} (${subnet.subnetId})`
    : subnet.subnetId;
}

function publicAddresses(instance: Instance): AddressPath[] {
  return [
    ...(instance.publicIp ? [{ family: 'IPv4' as const, address: instance.publicIp }] : []),
    ...instance.ipv6Addresses.map((address) => ({ family: 'IPv6' as const, address })),
  ];
}

/** Whether the internet can route to an address of the instance. */
export function addressReach(inventory: Inventory, instance: Instance): AddressReach {
  const addresses = publicAddresses(instance);
  if (addresses.length === 0) return { kind: 'unrouted', why: 'has no public IPv4 or IPv6 address' };
  if (!instance.subnetId) return { kind: 'unknown', why: 'names no subnet, so its routes cannot be judged' };
  const subnet = subnetOf(inventory, instance);
  if (!subnet) return { kind: 'unknown', why: `subnet ${instance.subnetId} is not in the snapshot` };
  const routed = new Set(internetRoutedFamilies(subnet));
  const paths = addresses.filter((path) => routed.has(path.family));
  if (paths.length > 0) return { kind: 'routed', paths };
  const shown = addresses.map(describePath).join(' and ');
  return {
    kind: 'unrouted',
    why: `has ${shown} but subnet ${subnetLabel(subnet)} routes no default route of that family to an internet gateway`,
  };
}

/** `public IP 3.121.45.17`, `IPv6 2a05:d018::1` */
export function describePath(path: AddressPath): string {
  return path.family === 'IPv4' ? `public IP ${path.address}` : `IPv6 ${path.address}`;
}

export type PortReach =
  | { kind: 'unrouted'; why: string }
  | { kind: 'unknown'; why: string }
  /** Routed; `exposures` lists the ports its groups open to the internet on the routed families. */
  | { kind: 'routed'; paths: AddressPath[]; exposures: Exposure[] };

/**
 * Whether the ports of an instance are reachable from the internet. Security groups or prefix lists
 * missing from the snapshot make the answer unknown unless an exposure is already proven.
 */
export function portReach(inventory: Inventory, instance: Instance, ports: readonly number[]): PortReach {
  const reach = addressReach(inventory, instance);
  if (reach.kind !== 'routed') return reach;
  const families = [...new Set(reach.paths.map((path) => path.family))];
  const reading = internetExposures(inventory, groupsOfInstance(inventory, instance), ports, families);
  if (reading.exposures.length > 0) return { ...reach, exposures: reading.exposures };
  const missing = [
    ...missingGroupIds(inventory, instance).map((id) => `security group ${id}`),
    ...reading.unresolvedPrefixLists.map((id) => `prefix list ${id}`),
  ];
  if (missing.length > 0) return { kind: 'unknown', why: `${missing.join(', ')} not in the snapshot` };
  return { ...reach, exposures: [] };
}

/** True when the internet can route to the instance (whatever its security groups admit). */
export function isInternetRouted(inventory: Inventory, instance: Instance): boolean {
  return addressReach(inventory, instance).kind === 'routed';
}
