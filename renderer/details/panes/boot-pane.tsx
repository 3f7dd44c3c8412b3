import { useEffect, useMemo, useState } from 'react';
import type { EditChange } from '../../../shared/api/domain-edit';
import { readFirmware, type FirmwareChoice } from '../../../shared/domain-edit/firmware';
import { bootOrderChanges, moveEntry, readBootList } from '../boot-order';
import { useDetailsT } from '../details-strings';
import type { FieldDef } from '../field-defs';
import { FieldForm } from '../field-form';
import { kernelFields } from '../pane-fields';
import type { PaneProps } from './pane-props';

const FIRMWARE_LABELS = {
  bios: 'firmwareBios',
  efi: 'firmwareUefi',
  'efi-secure': 'firmwareSecure',
} as const;

/**
 * Autostart, boot menu, boot order (drag and drop, or each entry's buttons from the keyboard),
 * direct kernel boot, firmware (BIOS / UEFI / Secure Boot, shut-off VMs only).
 */
export function BootPane(props: PaneProps) {
  const t = useDetailsT();
  const initial = useMemo(() => readBootList(props.doc), [props.doc]);
  const [entries, setEntries] = useState(initial.entries);
  const [autostart, setAutostart] = useState(props.autostart);
  const savedFirmware = readFirmware(props.doc);
  const [firmware, setFirmware] = useState<FirmwareChoice>(savedFirmware);
  const [dragged, setDragged] = useState<number>();
  useEffect(() => setEntries(initial.entries), [initial]);
  useEffect(() => setAutostart(props.autostart), [props.autostart]);
  useEffect(() => setFirmware(savedFirmware), [savedFirmware]);
  const label = (e: (typeof entries)[number]) => t(e.label, e.values);
  const defs = useMemo<FieldDef[]>(
    () => [
      { on: { target: 'domain', view: 'os' }, key: 'bootMenu', label: 'bootMenu', input: 'checkbox' },
      ...kernelFields,
    ],
    [],
  );
  const orderChanged = JSON.stringify(entries) !== JSON.stringify(initial.entries);
  const changes: EditChange[] = [
    ...(orderChanged ? bootOrderChanges(props.doc, { perDevice: initial.perDevice, entries }) : []),
    ...(autostart !== props.autostart ? [{ target: 'autostart' as const, enabled: autostart }] : []),
    ...(firmware !== savedFirmware ? [{ target: 'firmware' as const, firmware }] : []),
  ];
  const move = (i: number, by: number) => setEntries((list) => moveEntry(list, i, i + by));
  const pendingBoot = props.pending.some((p) => p === 'os.boot' || p.endsWith('.bootOrder'));
  return (
    <FieldForm
      {...props}
      defs={defs}
      extra={{
        changes,
        reset: () => {
          setEntries(initial.entries);
          setAutostart(props.autostart);
          setFirmware(savedFirmware);
        },
      }}
    >
      <div className="field-row">
        <label htmlFor={`autostart-${props.uuid}`}>{t('autostart')}</label>
        <input
          id={`autostart-${props.uuid}`}
          type="checkbox"
          checked={autostart}
          onChange={(e) => setAutostart(e.target.checked)}
        />
      </div>
      <fieldset className="boot-order">
        <legend>{t('bootOrder')}</legend>
        <p className="field-hint">{t('bootDragHint')}</p>
        <ol aria-label={t('bootDevices')}>
          {entries.map((e, i) => (
            <li
              key={e.id}
              draggable
              className={dragged === i ? 'dragging' : undefined}
              onDragStart={(ev) => {
                setDragged(i);
                ev.dataTransfer.effectAllowed = 'move';
                ev.dataTransfer.setData('text/plain', e.id);
              }}
              onDragOver={(ev) => {
                if (dragged === undefined) return;
                ev.preventDefault();
                ev.dataTransfer.dropEffect = 'move';
              }}
              onDrop={(ev) => {
                ev.preventDefault();
                if (dragged !== undefined) setEntries((list) => moveEntry(list, dragged, i));
                setDragged(undefined);
              }}
              onDragEnd={() => setDragged(undefined)}
            >
              <span
                className="drag-handle"
                aria-hidden="true"
                title={t('bootDragHandle', { item: label(e) })}
              >
                ⠿
              </span>
              <input
                type="checkbox"
                aria-label={t('bootEnabled', { item: label(e) })}
                checked={e.enabled}
                onChange={(ev) =>
                  setEntries((list) =>
                    list.map((x) => (x.id === e.id ? { ...x, enabled: ev.target.checked } : x)),
                  )
                }
              />
              <span>{label(e)}</span>
              <button
                type="button"
                aria-label={t('moveUp', { item: label(e) })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('moveDown', { item: label(e) })}
                disabled={i === entries.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        {pendingBoot && <p className="pending-note">{t('nextShutdown')}</p>}
      </fieldset>
      <div className="field-row">
        <label htmlFor={`firmware-${props.uuid}`}>{t('firmwareChoice')}</label>
        <select
          id={`firmware-${props.uuid}`}
          value={firmware}
          disabled={props.running}
          aria-describedby={`firmware-note-${props.uuid}`}
          onChange={(e) => setFirmware(e.target.value as FirmwareChoice)}
        >
          {(['bios', 'efi', 'efi-secure'] as const).map((f) => (
            <option key={f} value={f}>
              {t(FIRMWARE_LABELS[f])}
            </option>
          ))}
        </select>
        <span id={`firmware-note-${props.uuid}`} className="field-note">
          {props.running
            ? t('firmwareOnlyOff')
            : firmware !== savedFirmware
              ? `${t('firmwareChanged', { from: t(FIRMWARE_LABELS[savedFirmware]), to: t(FIRMWARE_LABELS[firmware]) })} ${t('firmwareInstalledNote')}`
              : t('firmwareInstalledNote')}
        </span>
      </div>
    </FieldForm>
  );
}
