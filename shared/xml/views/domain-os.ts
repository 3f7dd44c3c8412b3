// <os>: guest type and machine, firmware, loader/nvram, boot order and menu, BIOS options,
// direct kernel boot and SMBIOS mode.
import { documentRoot, type XmlDocument } from '../document';
import {
  attr,
  intAttr,
  readFields,
  required,
  text,
  writeFields,
  yesNoAttr,
  type FieldValues,
} from './fields';
import { list } from './list-field';

export type BootDevice = 'hd' | 'cdrom' | 'network' | 'fd';

export const osFields = {
  type: text<'hvm' | 'linux' | 'xen' | 'exe'>('os/type'),
  arch: attr('os/type', 'arch'),
  machine: attr('os/type', 'machine'),
  firmware: attr<'bios' | 'efi'>('os', 'firmware'),
  /** Firmware autoselection's wishes (`<os firmware='efi'><firmware><feature name='secure-boot' …>`). */
  firmwareFeatures: list('os/firmware', 'feature', {
    name: attr<'secure-boot' | 'enrolled-keys'>('', 'name'),
    enabled: yesNoAttr('', 'enabled'),
  }),
  loader: text('os/loader'),
  loaderReadonly: yesNoAttr('os/loader', 'readonly'),
  loaderType: attr<'rom' | 'pflash'>('os/loader', 'type'),
  loaderSecure: yesNoAttr('os/loader', 'secure'),
  nvram: text('os/nvram'),
  nvramTemplate: attr('os/nvram', 'template'),
  boot: list('os', 'boot', { dev: attr<BootDevice>('', 'dev') }),
  bootMenu: required('os/bootmenu', yesNoAttr('os/bootmenu', 'enable')),
  bootMenuTimeout: intAttr('os/bootmenu', 'timeout'),
  biosUseSerial: yesNoAttr('os/bios', 'useserial'),
  biosRebootTimeout: intAttr('os/bios', 'rebootTimeout'),
  kernel: text('os/kernel'),
  initrd: text('os/initrd'),
  cmdline: text('os/cmdline'),
  dtb: text('os/dtb'),
  smbios: required('os/smbios', attr<'emulate' | 'host' | 'sysinfo'>('os/smbios', 'mode')),
};

export type DomainOs = FieldValues<typeof osFields>;

export const readOs = (doc: XmlDocument): DomainOs => readFields(documentRoot(doc), osFields);
export const writeOs = (doc: XmlDocument, patch: DomainOs): void =>
  writeFields(documentRoot(doc), osFields, patch);
