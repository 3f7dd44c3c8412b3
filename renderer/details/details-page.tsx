import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { useStoreState, useStores } from '../common/stores-context';
import { VmPerformancePane } from '../domains/performance/vm-performance-pane';
import './details.css';
import { useDetailsT } from './details-strings';
import { EditResultView } from './edit-result-view';
import { hardwareItems, type HardwareItem, type ItemKind } from './hardware-items';
import { BootPane } from './panes/boot-pane';
import { CpusPane } from './panes/cpus-pane';
import { DevicePane } from './panes/device-pane';
import { DiskPane } from './panes/disk-pane';
import { DisplayPane } from './panes/display-pane';
import { MemoryPane } from './panes/memory-pane';
import { NicPane } from './panes/nic-pane';
import { OsInfoPane } from './panes/os-info-pane';
import { OverviewPane } from './panes/overview-pane';
import type { PaneProps } from './panes/pane-props';
import { useVmEdit } from './use-edit';
import { XmlTab } from './xml-tab';
// Performance tuning (issue 13)
import {
  ClockPowerPane,
  CpuTuningPane,
  FeaturesPane,
  IoTuningPane,
  MemoryTuningPane,
} from './tuning/tuning-panes';
// Add Hardware and Remove (issue 13)
import { AddHardwareButton, RemoveDeviceButton } from './add-hardware/hardware-buttons';
import { HardwarePane } from './panes/hardware-pane';

/** Each hardware item's form. */
const PANES: Record<ItemKind, ComponentType<PaneProps>> = {
  overview: OverviewPane,
  'os-info': OsInfoPane,
  performance: function Performance(p: PaneProps) {
    return <VmPerformancePane hostId={p.hostId} domainName={p.item.values?.['name'] ?? ''} />;
  },
  cpus: CpusPane,
  memory: MemoryPane,
  boot: BootPane,
  // Performance tuning (issue 13)
  'cpu-tuning': CpuTuningPane,
  'memory-tuning': MemoryTuningPane,
  'io-tuning': IoTuningPane,
  features: FeaturesPane,
  'clock-power': ClockPowerPane,
  disk: DiskPane,
  interface: NicPane,
  graphics: DisplayPane,
  video: DevicePane,
  sound: DevicePane,
  input: DevicePane,
  char: DevicePane,
  controller: DevicePane,
  other: HardwarePane,
};

/** Items whose XML tab shows the whole domain (the rest show their device). */
const NO_XML = new Set<ItemKind>(['performance', 'os-info']);

/** The VM window's Details page: the hardware list, the selected item's form and its XML tab. */
export function DetailsPage({ hostId, uuid }: { hostId: string; uuid: string }) {
  const t = useDetailsT();
  const { details } = useStores();
  const { entry, apply, reload } = useVmEdit(hostId, uuid);
  const domain = useStoreState('domains', (s) => s.byHost[hostId]?.[uuid]);
  const [selected, setSelected] = useState('overview');
  const [tab, setTab] = useState<'form' | 'xml'>('form');
  const state = domain?.state;
  useEffect(() => {
    void details.getState().load(hostId, uuid);
  }, [details, hostId, uuid, state]);
  const items = useMemo(() => (entry?.doc ? hardwareItems(entry.doc) : []), [entry?.doc]);
  if (!entry?.doc) {
    return (
      <div className="details-page" role="status">
        {entry?.error ? t('loadFailed', { message: entry.error }) : t('loading')}
      </div>
    );
  }
  const item: HardwareItem = items.find((i) => i.id === selected) ?? items[0]!;
  const label = (i: HardwareItem) => t(i.label, i.values);
  const Pane = PANES[item.kind];
  const running = state === 'running' || state === 'paused' || state === 'idle';
  const panelId = `details-${uuid}-panel`;
  return (
    <div className="details-page">
      <nav aria-label={t('hardware')} className="hardware-list">
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                aria-current={i.id === item.id ? 'true' : undefined}
                aria-controls={panelId}
                onClick={() => {
                  setSelected(i.id);
                  details.getState().clearResult(hostId, uuid);
                }}
              >
                {label(i)}
              </button>
            </li>
          ))}
        </ul>
        <AddHardwareButton
          hostId={hostId}
          uuid={uuid}
          name={domain?.name ?? ''}
          doc={entry.doc}
          running={running}
        />
      </nav>
      <section id={panelId} className="hardware-panel" aria-label={label(item)}>
        <header className="hardware-panel-header">
          <h3>{label(item)}</h3>
          {item.deviceKey && (
            <RemoveDeviceButton
              hostId={hostId}
              uuid={uuid}
              name={domain?.name ?? ''}
              deviceKey={item.deviceKey}
              deviceLabel={label(item)}
              running={running}
              busy={entry.busy}
            />
          )}
          {!NO_XML.has(item.kind) && (
            <div role="tablist" aria-label={label(item)}>
              <button type="button" role="tab" aria-selected={tab === 'form'} onClick={() => setTab('form')}>
                {t('tabDetails')}
              </button>
              <button type="button" role="tab" aria-selected={tab === 'xml'} onClick={() => setTab('xml')}>
                {t('tabXml')}
              </button>
            </div>
          )}
        </header>
        {tab === 'xml' && !NO_XML.has(item.kind) ? (
          <XmlTab
            hostId={hostId}
            uuid={uuid}
            doc={entry.doc}
            deviceKey={item.deviceKey}
            itemLabel={label(item)}
            busy={entry.busy}
          />
        ) : (
          <Pane
            key={`${item.id}/${entry.revision}`}
            hostId={hostId}
            uuid={uuid}
            doc={entry.doc}
            item={item.kind === 'performance' ? { ...item, values: { name: domain?.name ?? '' } } : item}
            pending={entry.pending}
            busy={entry.busy}
            running={running}
            autostart={entry.base?.autostart ?? false}
            onApply={apply}
          />
        )}
        <EditResultView result={entry.result} onReload={() => void reload()} />
      </section>
    </div>
  );
}
