import { useEffect, useMemo, useState } from 'react';
import type { EditChange } from '../../../shared/api/domain-edit';
import { readOs, type BootDevice } from '../../../shared/xml/views/domain-os';
import { listDevices } from '../../../shared/xml/views/devices/device-list';
import { readDeviceElement } from '../../../shared/xml/views/devices/device-views';
import type { XmlDocument } from '../../../shared/xml/document';
import { useDetailsT, type DetailsKey } from '../details-strings';
import type { FieldDef } from '../field-defs';
import { FieldForm } from '../field-form';
import { kernelFields } from '../pane-fields';
import type { PaneProps } from './pane-props';

interface BootEntry {
  /** `dev:hd` for `<boot dev>` entries, the device key for per-device boot order. */
  id: string;
  label: string;
  enabled: boolean;
}

const DEV_LABELS: Record<BootDevice, DetailsKey> = {
  hd: 'bootDevHd',
  cdrom: 'bootDevCdrom',
  network: 'bootDevNetwork',
  fd: 'bootDevFd',
};

/** Per-device boot order when any device has one (libvirt's modern form), else the `<boot dev>` list. */
function readEntries(
  doc: XmlDocument,
  label: (k: DetailsKey) => string,
): { perDevice: boolean; entries: BootEntry[] } {
  const devices = listDevices(doc).filter((d) => d.kind === 'disk' || d.kind === 'interface');
  const orders = devices.map((d) => ({
    d,
    order: readDeviceElement(d.kind === 'disk' ? 'disk' : 'interface', d.element).bootOrder,
  }));
  const os = readOs(doc);
  if (
    orders.some((o) => o.order !== undefined) ||
    ((os.boot ?? []).length === 0 && devices.length > 0 && !os.kernel)
  ) {
    const sorted = [...orders].sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9));
    return {
      perDevice: true,
      entries: sorted.map(({ d, order }) => ({
        id: d.key,
        label: d.key.replace(':', ' '),
        enabled: order !== undefined,
      })),
    };
  }
  const listed = (os.boot ?? []).map((b) => b.dev).filter((d): d is BootDevice => d !== undefined);
  const all: BootDevice[] = [
    ...listed,
    ...(['hd', 'cdrom', 'network', 'fd'] as const).filter((d) => !listed.includes(d)),
  ];
  return {
    perDevice: false,
    entries: all.map((d) => ({ id: `dev:${d}`, label: label(DEV_LABELS[d]), enabled: listed.includes(d) })),
  };
}

function bootChanges(doc: XmlDocument, perDevice: boolean, entries: BootEntry[]): EditChange[] {
  if (!perDevice)
    return [
      {
        target: 'domain',
        view: 'os',
        patch: { boot: entries.filter((e) => e.enabled).map((e) => ({ dev: e.id.slice(4) })) },
      },
    ];
  let next = 1;
  return entries.map((e) => {
    const kind = listDevices(doc).find((d) => d.key === e.id)!.kind === 'disk' ? 'disk' : 'interface';
    return { target: 'device', kind, key: e.id, patch: { bootOrder: e.enabled ? next++ : null } };
  });
}

/** Autostart, boot menu, boot order (buttons), direct kernel boot; firmware shown (changed in XML). */
export function BootPane(props: PaneProps) {
  const t = useDetailsT();
  const initial = useMemo(() => readEntries(props.doc, t), [props.doc, t]);
  const [entries, setEntries] = useState(initial.entries);
  const [autostart, setAutostart] = useState(props.autostart);
  useEffect(() => setEntries(initial.entries), [initial]);
  useEffect(() => setAutostart(props.autostart), [props.autostart]);
  const defs = useMemo<FieldDef[]>(
    () => [
      { on: { target: 'domain', view: 'os' }, key: 'bootMenu', label: 'bootMenu', input: 'checkbox' },
      ...kernelFields,
    ],
    [],
  );
  const orderChanged = JSON.stringify(entries) !== JSON.stringify(initial.entries);
  const changes: EditChange[] = [
    ...(orderChanged ? bootChanges(props.doc, initial.perDevice, entries) : []),
    ...(autostart !== props.autostart ? [{ target: 'autostart' as const, enabled: autostart }] : []),
  ];
  const move = (i: number, by: number) =>
    setEntries((list) => {
      const next = [...list];
      const [entry] = next.splice(i, 1);
      next.splice(i + by, 0, entry!);
      return next;
    });
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
        <ol aria-label={t('bootDevices')}>
          {entries.map((e, i) => (
            <li key={e.id}>
              <input
                type="checkbox"
                aria-label={t('bootEnabled', { item: e.label })}
                checked={e.enabled}
                onChange={(ev) =>
                  setEntries((list) =>
                    list.map((x) => (x.id === e.id ? { ...x, enabled: ev.target.checked } : x)),
                  )
                }
              />
              <span>{e.label}</span>
              <button
                type="button"
                aria-label={t('moveUp', { item: e.label })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('moveDown', { item: e.label })}
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
      <dl className="facts">
        <dt>{t('firmware')}</dt>
        <dd>
          {readOs(props.doc).firmware === 'efi' || readOs(props.doc).loader
            ? t('firmwareUefi')
            : t('firmwareBios')}
        </dd>
      </dl>
    </FieldForm>
  );
}
