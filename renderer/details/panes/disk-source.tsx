import { useId } from 'react';
import type { DiskSourceChoice } from '../../../shared/domain-edit/source-patches';
import { RadioField } from '../../common/radio-field';
import { VolumePicker } from '../../wizard/methods/volume-picker';
import { useDetailsT } from '../details-strings';

/**
 * A disk's source: a path on the host, or a volume of one of the host's running pools (the pools and
 * volumes stores). `choice` undefined = unchanged (the current source is shown).
 */
export function DiskSourcePicker(props: {
  hostId: string;
  current: string | undefined;
  choice: DiskSourceChoice | undefined;
  onChoice(choice: DiskSourceChoice | undefined): void;
  /** Problems of the source field, already in words. */
  note?: string | undefined;
}) {
  const t = useDetailsT();
  const id = useId();
  const kind = props.choice?.kind ?? 'path';
  const path = props.choice?.kind === 'path' ? props.choice.path : (props.current ?? '');
  return (
    <fieldset className="disk-source">
      <legend>{t('diskSource')}</legend>
      <div role="radiogroup" aria-label={t('diskSourceKind')} className="radio-row">
        <RadioField
          name={`${id}-kind`}
          label={t('sourceKindPath')}
          checked={kind === 'path'}
          onChange={() => props.onChoice(undefined)}
        />
        <RadioField
          name={`${id}-kind`}
          label={t('sourceKindVolume')}
          checked={kind === 'volume'}
          onChange={() => props.onChoice({ kind: 'volume', pool: '', volume: '', path: '' })}
        />
      </div>
      {kind === 'path' ? (
        <div className="field-row">
          <label htmlFor={`${id}-path`}>{t('sourcePath')}</label>
          <input
            id={`${id}-path`}
            value={path}
            aria-describedby={props.note ? `${id}-note` : undefined}
            onChange={(e) =>
              props.onChoice(
                e.target.value === (props.current ?? '') ? undefined : { kind: 'path', path: e.target.value },
              )
            }
          />
        </div>
      ) : (
        <VolumePicker
          hostId={props.hostId}
          label={t('sourceKindVolume')}
          value={
            props.choice?.kind === 'volume' && props.choice.volume
              ? { pool: props.choice.pool, volume: props.choice.volume }
              : undefined
          }
          onChange={(picked) =>
            props.onChoice(
              picked ? { kind: 'volume', ...picked } : { kind: 'volume', pool: '', volume: '', path: '' },
            )
          }
        />
      )}
      {props.note && (
        <span id={`${id}-note`} className="field-note">
          {props.note}
        </span>
      )}
    </fieldset>
  );
}
