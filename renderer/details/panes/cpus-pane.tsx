import { useEffect, useMemo, useState } from 'react';
import { readCpu, readVcpu } from '../../../shared/xml/views/domain-cpu';
import { copyHostMode, hostCopyChanges, isHostCopy } from '../host-cpu-copy';
import { useStoreState, useStores } from '../../common/stores-context';
import { useDetailsT } from '../details-strings';
import type { FieldDef } from '../field-defs';
import { FieldForm } from '../field-form';
import { topologyFields, vcpuPaneFields } from '../pane-fields';
import type { PaneProps } from './pane-props';

const FIXED_MODES = ['host-model', 'host-passthrough', 'maximum', 'custom'];

/** vCPUs (live where libvirt can), CPU mode and model from the host's domcapabilities, topology. */
export function CpusPane(props: PaneProps) {
  const t = useDetailsT();
  const { details } = useStores();
  const choices = useStoreState('details', (s) => s.cpuChoices[props.hostId]);
  useEffect(() => void details.getState().loadCpuChoices(props.hostId), [details, props.hostId]);
  const defs = useMemo<FieldDef[]>(
    () => [
      ...vcpuPaneFields,
      {
        on: { target: 'domain', view: 'cpu' },
        key: 'mode',
        label: 'cpuMode',
        input: 'select',
        options: choices?.modes ?? FIXED_MODES,
      },
      {
        on: { target: 'domain', view: 'cpu' },
        key: 'model',
        label: 'cpuModel',
        input: 'select',
        options: choices?.models ?? [],
      },
      ...topologyFields,
    ],
    [choices],
  );
  const saved = readVcpu(props.doc);
  const savedMode = readCpu(props.doc).mode;
  const [copy, setCopy] = useState(isHostCopy(savedMode));
  useEffect(() => setCopy(isHostCopy(savedMode)), [savedMode]);
  const modes = choices?.modes ?? FIXED_MODES;
  const copyMode = copyHostMode(modes);
  const copyChanges = hostCopyChanges(copy, savedMode, modes);
  const warnings = (v: Record<string, string | boolean | undefined>) => {
    const out: string[] = [];
    const num = (id: string) => (v[id] === undefined || v[id] === '' ? undefined : Number(v[id]));
    const max = num('vcpu.count') ?? saved.count ?? 1;
    const count = num('vcpu.current') ?? max;
    if (num('cpu.sockets') !== undefined) {
      const product = ['cpu.sockets', 'cpu.dies', 'cpu.cores', 'cpu.threads'].reduce(
        (p, id) => p * (num(id) ?? 1),
        1,
      );
      if (product !== max) out.push(t('topologyMismatch', { product, count: max }));
    }
    if (choices?.hostCpus && count > choices.hostCpus)
      out.push(t('overcommit', { count, host: choices.hostCpus }));
    return out;
  };
  return (
    <FieldForm
      {...props}
      defs={defs}
      warnings={warnings}
      extra={{ changes: copyChanges, reset: () => setCopy(isHostCopy(savedMode)) }}
    >
      <div className="field-row">
        <label htmlFor={`copy-host-${props.uuid}`}>{t('copyHost')}</label>
        <input
          id={`copy-host-${props.uuid}`}
          type="checkbox"
          checked={copy}
          disabled={!copyMode}
          aria-describedby={`copy-host-note-${props.uuid}`}
          onChange={(e) => setCopy(e.target.checked)}
        />
        <span id={`copy-host-note-${props.uuid}`} className="field-note">
          {copyMode ? t('copyHostHelp', { mode: copyMode }) : t('copyHostUnsupported')}
        </span>
      </div>
      {choices?.hostCpus !== undefined && (
        <p className="field-hint">{t('hostCpus', { count: choices.hostCpus })}</p>
      )}
    </FieldForm>
  );
}
