// The tuning items of the Details page (issue 13): CPU tuning, memory tuning, disk I/O tuning,
// features, and clock / power / lifecycle. Each edits through the one edit path.
import { useDetailsT } from '../details-strings';
import type { PaneProps } from '../panes/pane-props';
import './tuning.css';
import { HostCpuMap } from './host-cpu-map';
import { TuningForm } from './tuning-form';
import { TUNING_PANES } from './tuning-fields';

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

/** blkiotune (weight and per-device), the resource partition (each disk's iotune is in its Disk pane). */
export function IoTuningPane(props: PaneProps) {
  const t = useDetailsT();
  return (
    <TuningForm pane={props} defs={io.defs} lists={io.lists}>
      <p className="field-hint">{t('tnIoPaneHint')}</p>
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
