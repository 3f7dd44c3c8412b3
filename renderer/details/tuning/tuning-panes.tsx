// The tuning items of the Details page (issue 13): CPU tuning, memory tuning, disk I/O tuning,
// features, and clock / power / lifecycle. Each edits through the one edit path.
import { useMemo } from 'react';
import { listDevices } from '../../../shared/xml/views/devices/device-list';
import { readDeviceElement } from '../../../shared/xml/views/devices/device-views';
import { useDetailsT } from '../details-strings';
import type { PaneProps } from '../panes/pane-props';
import './tuning.css';
import { HostCpuMap } from './host-cpu-map';
import { TuningForm } from './tuning-form';
import { iotuneFieldsFor, TUNING_PANES } from './tuning-fields';

const { cpu, memory, io, features, clock } = TUNING_PANES;

/** vCPU, emulator and I/O thread pinning with the host's CPU map; the CPU scheduler. */
export function CpuTuningPane(props: PaneProps) {
  const t = useDetailsT();
  return (
    <TuningForm
      pane={props}
      defs={cpu.defs}
      lists={cpu.lists}
      before={<HostCpuMap hostId={props.hostId} doc={props.doc} />}
    >
      <p className="field-hint">{t('tnCpuLiveHint')}</p>
    </TuningForm>
  );
}

/** Memory backing (hugepages, locked, KSM), memtune limits, NUMA policy and guest NUMA cells. */
export function MemoryTuningPane(props: PaneProps) {
  const t = useDetailsT();
  return (
    <TuningForm pane={props} defs={memory.defs} lists={memory.lists}>
      <p className="field-hint">{t('tnMemoryLiveHint')}</p>
    </TuningForm>
  );
}

/** blkiotune (weight and per-device), each disk's iotune throttles, the resource partition. */
export function IoTuningPane(props: PaneProps) {
  const t = useDetailsT();
  const defs = useMemo(
    () => [
      ...io.defs,
      ...listDevices(props.doc, 'disk')
        .filter((d) => readDeviceElement('disk', d.element).device !== 'cdrom')
        .flatMap((d) =>
          iotuneFieldsFor(d.key).map((def) => ({
            ...def,
            labelValues: { disk: readDeviceElement('disk', d.element).targetDev ?? d.key },
          })),
        ),
    ],
    [props.doc],
  );
  return (
    <TuningForm pane={props} defs={defs} lists={io.lists}>
      <p className="field-hint">{t('tnIoHint')}</p>
    </TuningForm>
  );
}

/** ACPI, APIC, PAE, PMU, VMport, SMM, KVM hidden state, every Hyper-V enlightenment. */
export function FeaturesPane(props: PaneProps) {
  return <TuningForm pane={props} defs={features.defs} />;
}

/** Clock offset and timers, power management, lifecycle actions. */
export function ClockPowerPane(props: PaneProps) {
  return <TuningForm pane={props} defs={clock.defs} lists={clock.lists} />;
}
