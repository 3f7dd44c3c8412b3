// <interface>: virtual network, bridge, macvtap (direct), user, hostdev (SR-IOV VF) NICs.
import { attr, intAttr, yesNoAttr, type FieldValues } from '../fields';
import { pciAddress } from './address-field';

export const interfaceFields = {
  type: attr<'network' | 'bridge' | 'direct' | 'user' | 'hostdev' | 'vhostuser' | 'ethernet'>('', 'type'),
  managed: yesNoAttr('', 'managed'),
  mac: attr('mac', 'address'),
  sourceNetwork: attr('source', 'network'),
  portgroup: attr('source', 'portgroup'),
  sourceBridge: attr('source', 'bridge'),
  /** Host device for macvtap (`direct`). */
  sourceDev: attr('source', 'dev'),
  sourceMode: attr<'vepa' | 'bridge' | 'private' | 'passthrough'>('source', 'mode'),
  /** VF for `hostdev` interfaces. */
  sourcePci: pciAddress('source/address'),
  targetDev: attr('target', 'dev'),
  model: attr<'virtio' | 'e1000' | 'e1000e' | 'rtl8139' | 'vmxnet3'>('model', 'type'),
  driverName: attr<'vhost' | 'qemu'>('driver', 'name'),
  queues: intAttr('driver', 'queues'),
  linkState: attr<'up' | 'down'>('link', 'state'),
  mtu: intAttr('mtu', 'size'),
  bootOrder: intAttr('boot', 'order'),
};

export type InterfaceSettings = FieldValues<typeof interfaceFields>;

/** A random locally administered MAC in QEMU's 52:54:00 range. */
export function randomMac(random: () => number = Math.random): string {
  const byte = (): string =>
    Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0');
  return `52:54:00:${byte()}:${byte()}:${byte()}`;
}
