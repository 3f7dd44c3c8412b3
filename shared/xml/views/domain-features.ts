// <features> (incl. every Hyper-V enlightenment and KVM switches) and <clock> with its timers.
import { documentRoot, type XmlDocument } from '../document';
import {
  attr,
  flag,
  intAttr,
  onOffAttr,
  readFields,
  required,
  writeFields,
  yesNoAttr,
  type Field,
  type FieldValues,
} from './fields';
import { list } from './list-field';

const HV = (name: string): Field<boolean> =>
  required(`features/hyperv/${name}`, onOffAttr(`features/hyperv/${name}`, 'state'));
const KVM = (name: string): Field<boolean> =>
  required(`features/kvm/${name}`, onOffAttr(`features/kvm/${name}`, 'state'));

export const featureFields = {
  acpi: flag('features/acpi'),
  apic: flag('features/apic'),
  pae: flag('features/pae'),
  hap: flag('features/hap'),
  viridian: flag('features/viridian'),
  privnet: flag('features/privnet'),
  pvspinlock: onOffAttr('features/pvspinlock', 'state'),
  pmu: onOffAttr('features/pmu', 'state'),
  vmport: onOffAttr('features/vmport', 'state'),
  smm: onOffAttr('features/smm', 'state'),
  ioapicDriver: attr<'kvm' | 'qemu'>('features/ioapic', 'driver'),
  vmcoreinfo: onOffAttr('features/vmcoreinfo', 'state'),
  gicVersion: attr('features/gic', 'version'),
  kvmHidden: KVM('hidden'),
  kvmHintDedicated: KVM('hint-dedicated'),
  kvmPollControl: KVM('poll-control'),
  kvmPvIpi: KVM('pv-ipi'),
  hyperv: flag('features/hyperv'),
  hypervMode: attr<'custom' | 'passthrough'>('features/hyperv', 'mode'),
  hvRelaxed: HV('relaxed'),
  hvVapic: HV('vapic'),
  hvSpinlocks: HV('spinlocks'),
  hvSpinlockRetries: intAttr('features/hyperv/spinlocks', 'retries'),
  hvVpindex: HV('vpindex'),
  hvRuntime: HV('runtime'),
  hvSynic: HV('synic'),
  hvStimer: HV('stimer'),
  hvStimerDirect: onOffAttr('features/hyperv/stimer/direct', 'state'),
  hvReset: HV('reset'),
  hvVendorId: HV('vendor_id'),
  hvVendorIdValue: attr('features/hyperv/vendor_id', 'value'),
  hvFrequencies: HV('frequencies'),
  hvReenlightenment: HV('reenlightenment'),
  hvTlbflush: HV('tlbflush'),
  hvIpi: HV('ipi'),
  hvEvmcs: HV('evmcs'),
  hvAvic: HV('avic'),
};

export type TimerName =
  'platform' | 'pit' | 'rtc' | 'hpet' | 'tsc' | 'kvmclock' | 'hypervclock' | 'armvtimer';

export const clockFields = {
  offset: attr<'utc' | 'localtime' | 'timezone' | 'variable' | 'absolute'>('clock', 'offset'),
  timezone: attr('clock', 'timezone'),
  adjustment: attr('clock', 'adjustment'),
  basis: attr<'utc' | 'localtime'>('clock', 'basis'),
  timers: list('clock', 'timer', {
    name: attr<TimerName>('', 'name'),
    tickpolicy: attr<'delay' | 'catchup' | 'merge' | 'discard'>('', 'tickpolicy'),
    present: yesNoAttr('', 'present'),
    track: attr<'boot' | 'guest' | 'wall' | 'realtime'>('', 'track'),
    frequency: intAttr('', 'frequency'),
    mode: attr<'auto' | 'native' | 'emulate' | 'paravirt' | 'smpsafe'>('', 'mode'),
  }),
};

export type Features = FieldValues<typeof featureFields>;
export type Clock = FieldValues<typeof clockFields>;

export const readFeatures = (doc: XmlDocument): Features => readFields(documentRoot(doc), featureFields);
export const writeFeatures = (doc: XmlDocument, patch: Features): void =>
  writeFields(documentRoot(doc), featureFields, patch);
export const readClock = (doc: XmlDocument): Clock => readFields(documentRoot(doc), clockFields);
export const writeClock = (doc: XmlDocument, patch: Clock): void =>
  writeFields(documentRoot(doc), clockFields, patch);
