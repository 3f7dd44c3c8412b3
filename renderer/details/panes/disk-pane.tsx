import { useState } from 'react';
import { readDevice } from '../../../shared/xml/views/devices/device-views';
import { useStores } from '../../common/stores-context';
import { useDetailsT } from '../details-strings';
import { FieldForm } from '../field-form';
import { diskFieldsFor } from '../pane-fields';
import type { PaneProps } from './pane-props';

const GiB = 2 ** 30;

/** A disk or CD-ROM: source, bus, driver options, flags, boot index; eject/insert; grow. */
export function DiskPane(props: PaneProps) {
  const t = useDetailsT();
  const { details } = useStores();
  const key = props.item.deviceKey!;
  const disk = readDevice(props.doc, 'disk', key) ?? {};
  const cdrom = disk.device === 'cdrom' || disk.device === 'floppy';
  const [media, setMedia] = useState('');
  const [size, setSize] = useState('');
  const [resized, setResized] = useState<string>();
  const source =
    disk.sourceFile ??
    disk.sourceDev ??
    (disk.sourceVolume ? `${disk.sourcePool}/${disk.sourceVolume}` : undefined);
  const change = (sourceFile: string | null) =>
    void props.onApply([{ target: 'device', kind: 'disk', key, patch: { sourceFile } }], false);
  return (
    <FieldForm {...props} defs={diskFieldsFor(key, cdrom)}>
      {cdrom ? (
        <div className="field-row media-row">
          {source ? (
            <button type="button" disabled={props.busy} onClick={() => change(null)}>
              {t('eject')}
            </button>
          ) : (
            <>
              <label htmlFor={`media-${key}`}>{t('mediaPath')}</label>
              <input id={`media-${key}`} value={media} onChange={(e) => setMedia(e.target.value)} />
              <button
                type="button"
                disabled={props.busy || media.trim() === ''}
                onClick={() => change(media.trim())}
              >
                {t('insert')}
              </button>
            </>
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
    </FieldForm>
  );
}
