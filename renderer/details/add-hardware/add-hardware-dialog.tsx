import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOrCheck, useCheckText } from '../../i18n/check-text';
import type { EditProblem, EditResult } from '../../../shared/api/domain-edit';
import type { NewDiskVolume, NewHardware } from '../../../shared/api/domain-hardware';
import { newDeviceProblems, singleInstanceProblem } from '../../../shared/domain-edit/hardware/add-hardware';
import {
  defaultSettings,
  HARDWARE_KINDS,
  VARIANTS,
  type HardwareKind,
} from '../../../shared/domain-edit/hardware/hardware-kinds';
import { groupPartners } from '../../../shared/domain-edit/hardware/host-device-checks';
import type { XmlDocument } from '../../../shared/xml/document';
import { Dialog } from '../../common/dialog';
import { useStoreState, useStores } from '../../common/stores-context';
import { useDetailsT } from '../details-strings';
import { ROWS } from './hardware-fields';
import { HostDevicePicker, settingsFor, useHostDeviceFacts, type HostDeviceKind } from './host-device-picker';
import { StorageSource, type StorageChoice } from './storage-source';
// Per device: attached now or after the next guest shutdown (issue 13, fourth session)
import { LiveAttachNote } from './live-attach-note';

type Value = string | boolean;
type Values = Record<string, Value>;

const toValues = (settings: Record<string, unknown>): Values =>
  Object.fromEntries(
    Object.entries(settings).map(([k, v]) => [
      k,
      typeof v === 'boolean' ? v : v === undefined ? '' : String(v),
    ]),
  );

const NUMERIC = new Set([
  'index',
  'ports',
  'port',
  'heads',
  'vram',
  'rateBytes',
  'ratePeriod',
  'statsPeriod',
  'cidAddress',
  'bootOrder',
]);

/** Typed settings from the form's values: numbers for number fields, empty values left out. */
function toSettings(values: Values): NewHardware['settings'] {
  const out: NewHardware['settings'] = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === '') continue;
    out[key] = typeof value === 'string' && NUMERIC.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

const HOST_KIND: Partial<Record<HardwareKind, HostDeviceKind>> = {
  'pci-host': 'pci-host',
  'usb-host': 'usb-host',
  mdev: 'mdev',
};

/** The Add Hardware dialog: every kind, virt-install's defaults for this guest, checks before define. */
export function AddHardwareDialog({
  hostId,
  uuid,
  name,
  doc,
  running,
  onClose,
}: {
  hostId: string;
  uuid: string;
  name: string;
  doc: XmlDocument;
  running: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describeCheck = useCheckText();
  const dt = useDetailsT();
  const { hardwareCalls } = useStores();
  const networks = useStoreState('networks', (s) => s.byHost[hostId]);
  const facts = useHostDeviceFacts(hostId, uuid);
  const [kind, setKind] = useState<HardwareKind>('storage');
  const [variant, setVariant] = useState<string | undefined>(VARIANTS.storage?.[0]);
  const [values, setValues] = useState<Values>(() => toValues(defaultSettings('storage', doc)));
  const [storage, setStorage] = useState<StorageChoice>({
    mode: 'new',
    pool: '',
    volumeName: `${name}-1.qcow2`,
    sizeGiB: '20',
    path: '',
  });
  const [picked, setPicked] = useState<string>();
  const [wholeGroup, setWholeGroup] = useState(true);
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string>();

  const choose = (next: HardwareKind, nextVariant = VARIANTS[next]?.[0]) => {
    setKind(next);
    setVariant(nextVariant);
    setValues(toValues(defaultSettings(next, doc, nextVariant)));
    setPicked(undefined);
    setProblems([]);
    setPreview(undefined);
  };
  const set = (key: string, value: Value) => setValues((v) => ({ ...v, [key]: value }));
  const onStorage = useCallback((next: StorageChoice) => setStorage(next), []);

  const request = useMemo((): { devices: NewHardware[]; newVolume?: NewDiskVolume } => {
    const settings = toSettings(values);
    if (kind === 'storage') {
      const media = variant !== 'disk';
      if (!media && storage.mode === 'new') {
        const gib = Number(storage.sizeGiB);
        return {
          devices: [{ kind, settings }],
          newVolume: {
            pool: storage.pool,
            name: storage.volumeName,
            format: settings['format'] === 'raw' ? 'raw' : 'qcow2',
            capacityBytes: Number.isFinite(gib) && gib > 0 ? Math.round(gib * 2 ** 30) : 0,
          },
        };
      }
      return {
        devices: [{ kind, settings: { ...settings, ...(storage.path ? { sourceFile: storage.path } : {}) } }],
      };
    }
    const address = settings['sourcePci'];
    if (kind === 'pci-host' && wholeGroup && typeof address === 'string' && address) {
      const partners = groupPartners(address, facts).map((a) => ({
        kind,
        settings: { ...settings, sourcePci: a },
      }));
      return { devices: [{ kind, settings }, ...partners] };
    }
    return { devices: [{ kind, settings }] };
  }, [values, kind, variant, storage, wholeGroup, facts]);

  const localProblems = (): EditProblem[] => {
    const [first] = request.devices;
    if (!first) return [];
    const single = singleInstanceProblem(doc, first);
    const needs = request.newVolume ? [] : newDeviceProblems(first);
    const volume =
      request.newVolume && request.newVolume.capacityBytes <= 0
        ? [{ field: 'new.size', code: 'bad-value', message: dt('notANumber') }]
        : [];
    return [...(single ? [single] : []), ...needs, ...volume];
  };

  const submit = async (previewOnly: boolean) => {
    const found = localProblems();
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    const result = await hardwareCalls.add(hostId, uuid, request.devices, {
      ...(request.newVolume ? { newVolume: request.newVolume } : {}),
      preview: previewOnly,
    });
    setBusy(false);
    if ('error' in result) return setProblems([{ field: 'new', code: 'error', message: result.error }]);
    show(result);
  };
  const show = (result: EditResult) => {
    if (result.outcome === 'invalid') setProblems(result.problems);
    else if (result.outcome === 'preview') setPreview(result.diff);
    else if (result.outcome === 'stale')
      setProblems([{ field: 'new', code: 'stale', message: dt('staleTitle') }]);
    else onClose();
  };

  const hostKind = kind === 'network' && variant === 'hostdev' ? 'vf' : HOST_KIND[kind];
  const rows = ROWS[kind]?.filter(
    ([key]) => !(hostKind && ['sourcePci', 'usbVendor', 'usbProduct', 'mdevUuid'].includes(key)),
  );
  const networkNames = Object.values(networks ?? {}).map((n) => n.name);
  const problemOf = (key: string) =>
    problems.filter((p) => p.field === `new.${key}`).map((p) => problemOrCheck(describeCheck, p));
  const field = (
    key: string,
    label: string,
    input: 'text' | 'number' | 'checkbox' | 'select',
    options?: readonly string[],
  ) => {
    const id = `hw-field-${key}`;
    const value = values[key] ?? '';
    const errors = problemOf(key);
    return (
      <div className="field-row" key={key}>
        <label htmlFor={id}>{label}</label>
        {input === 'checkbox' ? (
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => set(key, e.target.checked)}
          />
        ) : input === 'select' ? (
          <select id={id} value={String(value)} onChange={(e) => set(key, e.target.value)}>
            <option value="">{dt('none')}</option>
            {[...new Set([...(options ?? []), ...(value ? [String(value)] : [])])].map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            value={String(value)}
            inputMode={input === 'number' ? 'numeric' : undefined}
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={errors.length > 0 ? `${id}-note` : undefined}
            onChange={(e) => set(key, e.target.value)}
          />
        )}
        {errors.length > 0 && (
          <span id={`${id}-note`} className="field-note">
            {errors.join(' ')}
          </span>
        )}
      </div>
    );
  };

  return (
    <Dialog title={t('hardware.title', { name })} onCancel={onClose} className="add-hardware-dialog">
      <div className="add-hardware">
        <nav aria-label={t('hardware.kinds')} className="hardware-kinds">
          <ul>
            {HARDWARE_KINDS.map((k) => (
              <li key={k}>
                <button type="button" aria-pressed={k === kind} onClick={() => choose(k)}>
                  {t(`hardware.kind.${k}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <form
          className="field-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
        >
          {running && <p className="field-note">{t('hardware.running')}</p>}
          {running && (
            <LiveAttachNote kind={kind} settings={request.devices[0]?.settings ?? {}} variant={variant} />
          )}
          {VARIANTS[kind] && (
            <div className="field-row">
              <label htmlFor="hw-variant">{t('hardware.variant')}</label>
              <select id="hw-variant" value={variant} onChange={(e) => choose(kind, e.target.value)}>
                {VARIANTS[kind]!.map((v) => (
                  <option key={v} value={v}>
                    {t(`hardware.variants.${v}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {kind === 'storage' && (
            <>
              <StorageSource
                hostId={hostId}
                choice={storage}
                onChange={onStorage}
                mediaOnly={variant !== 'disk'}
              />
              {problemOf('sourceFile').length > 0 && (
                <p className="field-note">{problemOf('sourceFile').join(' ')}</p>
              )}
              {field('targetBus', t('hardware.storage.bus'), 'select', [
                'virtio',
                'sata',
                'scsi',
                'usb',
                'ide',
                'fdc',
              ])}
              {field('format', t('hardware.storage.format'), 'select', ['qcow2', 'raw'])}
              {field('cache', dt('cache'), 'select', [
                'default',
                'none',
                'writethrough',
                'writeback',
                'directsync',
                'unsafe',
              ])}
            </>
          )}
          {kind === 'network' && (
            <>
              {variant === 'network' &&
                (networkNames.length > 0
                  ? field('sourceNetwork', t('hardware.network.network'), 'select', networkNames)
                  : field('sourceNetwork', t('hardware.network.network'), 'text'))}
              {variant === 'bridge' && field('sourceBridge', t('hardware.network.bridge'), 'text')}
              {variant === 'direct' && field('sourceDev', t('hardware.network.device'), 'text')}
              {variant !== 'hostdev' &&
                field('model', t('hardware.network.model'), 'select', [
                  'virtio',
                  'e1000e',
                  'e1000',
                  'rtl8139',
                  'vmxnet3',
                ])}
              {field('mac', t('hardware.network.mac'), 'text')}
            </>
          )}
          {hostKind && (
            <HostDevicePicker
              kind={hostKind}
              facts={facts}
              selected={picked}
              doc={doc}
              managed={values['managed'] !== false}
              wholeGroup={wholeGroup}
              onWholeGroup={setWholeGroup}
              onSelect={(device) => {
                setPicked(device.name);
                setValues((v) => ({ ...v, ...settingsFor(hostKind, device) }));
              }}
            />
          )}
          {rows?.map(([key, label, input, options]) =>
            field(
              key,
              dt(label),
              input === 'checkbox' || input === 'number' || input === 'select' ? input : 'text',
              options,
            ),
          )}
          {problems.some((p) => !p.field.startsWith('new.') || p.field === 'new.size') && (
            <ul role="alert" className="form-problems">
              {problems
                .filter((p) => !p.field.startsWith('new.') || p.field === 'new.size')
                .map((p, i) => (
                  <li key={i}>{problemOrCheck(describeCheck, p)}</li>
                ))}
            </ul>
          )}
          {problems.some((p) => p.field.startsWith('new.')) && (
            <p role="alert" className="sr-only">
              {problems.map((p) => problemOrCheck(describeCheck, p)).join(' ')}
            </p>
          )}
          {preview !== undefined && (
            <pre className="diff" aria-label={dt('diffTitle')}>
              {preview || dt('noChanges')}
            </pre>
          )}
          <div className="form-buttons">
            <button type="submit" disabled={busy}>
              {busy ? t('hardware.adding') : t('hardware.finish')}
            </button>
            <button type="button" disabled={busy} onClick={() => void submit(true)}>
              {t('hardware.showChanges')}
            </button>
            <button type="button" onClick={onClose}>
              {t('hardware.cancel')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
