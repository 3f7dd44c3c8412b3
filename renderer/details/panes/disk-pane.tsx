import { useEffect, useMemo, useState } from 'react';
import type { EditChange } from '../../../shared/api/domain-edit';
import {
  diskSourcePatch,
  diskSourceText,
  type DiskSourceChoice,
} from '../../../shared/domain-edit/source-patches';
import { readDevice } from '../../../shared/xml/views/devices/device-views';
import { useStores } from '../../common/stores-context';
import { useDetailsT } from '../details-strings';
import { FieldForm } from '../field-form';
import { diskFieldsFor, iotuneFieldsFor } from '../pane-fields';
import { DiskSourcePicker } from './disk-source';
import type { PaneProps } from './pane-props';

const GiB = 2 ** 30;

/** The change a source choice makes; none while it is incomplete or the same as now. */
function sourceChange(key: string, current: string | undefined, choice: DiskSourceChoice | undefined) {
  if (!choice || choice.path.trim() === '' || choice.path.trim() === current) return [];
  return [{ target: 'device', kind: 'disk', key, patch: diskSourcePatch(choice) } satisfies EditChange];
}

/** A disk or CD-ROM: source (path or pool volume), bus, driver options, flags, boot index, I/O limits; eject/insert; grow. */
export function DiskPane(props: PaneProps) {
  const t = useDetailsT();
  const { details } = useStores();
  const key = props.item.deviceKey!;
  const disk = readDevice(props.doc, 'disk', key) ?? {};
  const cdrom = disk.device === 'cdrom' || disk.device === 'floppy';
  const [choice, setChoice] = useState<DiskSourceChoice>();
  const [size, setSize] = useState('');
  const [resized, setResized] = useState<string>();
  const source = diskSourceText(disk);
  useEffect(() => setChoice(undefined), [props.doc]);
  const changes = sourceChange(key, source, choice);
  // The disk's own I/O limits (issue 13): here, not in the Disk I/O tuning item.
  const defs = useMemo(() => [...diskFieldsFor(key, cdrom), ...iotuneFieldsFor(key)], [key, cdrom]);
  const eject = () =>
    void props.onApply(
      [
        {
          target: 'device',
          kind: 'disk',
          key,
          patch: { sourceFile: null, sourceDev: null, sourcePool: null, sourceVolume: null },
        },
      ],
      false,
    );
  const sourcePending = props.pending.some(
    (p) => p.startsWith(`device:${key}.source`) || p === `device:${key}.type`,
  );
  return (
    <FieldForm {...props} defs={defs} extra={{ changes, reset: () => setChoice(undefined) }}>
      <DiskSourcePicker
        hostId={props.hostId}
        current={source}
        choice={choice}
        onChoice={setChoice}
        note={sourcePending ? t('nextShutdown') : undefined}
      />
      {cdrom ? (
        <div className="field-row media-row">
          {source ? (
            <button type="button" disabled={props.busy} onClick={eject}>
              {t('eject')}
            </button>
          ) : (
            <button
              type="button"
              disabled={props.busy || changes.length === 0}
              onClick={() => void props.onApply(changes, false)}
            >
              {t('insert')}
            </button>
          )}
        </div>
      ) : (
        <div className="field-row resize-row">
          <label htmlFor={`size-${key}`}>{t('newSize')}</label>
          <input
            id={`size-${key}`}
            inputMode="decimal"
            value={size}
            onChange={(e) => setSize(e.target.value)}
          />
          <button
            type="button"
            disabled={!(Number(size) > 0) || !disk.targetDev}
            onClick={() =>
              void details
                .getState()
                .resizeDisk(props.hostId, props.uuid, disk.targetDev!, Math.round(Number(size) * GiB))
                .then((m) => setResized(m))
            }
          >
            {t('resize')}
          </button>
          <span className="field-note">{resized ? t('resized', { message: resized }) : t('resizeNote')}</span>
        </div>
      )}
      <p className="field-hint">{t('tnIoHint')}</p>
    </FieldForm>
  );
}
