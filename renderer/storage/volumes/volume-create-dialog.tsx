import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VolumeFormatName, type VolumeView } from '../../../shared/api/volumes';
import { parseCapacity } from '../../../shared/storage/parse-capacity';
import { volumeNameCheck } from '../../../shared/xml/build/new-volume';
import { useCheckText } from '../../i18n/check-text';
import { Dialog } from '../../common/dialog';
import { FormFooter } from './form-footer';
import { TextField } from '../../common/text-field';
import { useStores } from '../../common/stores-context';
import { toApiError } from '../../api/api-error-from';

/** Create a volume: name, format, capacity with units, allocate now or sparse, qcow2 backing volume. */
export function VolumeCreateDialog(props: {
  hostId: string;
  pool: string;
  volumes: VolumeView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { volumes: store } = useStores();
  const [name, setName] = useState('');
  const [format, setFormat] = useState<VolumeFormatName>('qcow2');
  const [capacity, setCapacity] = useState('10G');
  const [allocateNow, setAllocateNow] = useState(false);
  const [backing, setBacking] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const checkText = useCheckText(); // issue 15: size and name checks in the window's language
  const size = parseCapacity(capacity);
  const nameCheck = name === '' ? undefined : volumeNameCheck(name);
  const nameProblem = nameCheck && checkText(nameCheck);
  const sizeProblem = size.ok ? undefined : checkText(size.check);
  const submit = async () => {
    if (!name || nameProblem || !size.ok)
      return setError(nameProblem ?? sizeProblem ?? t('volumes.nameNeeded'));
    setBusy(true);
    try {
      await store.getState().create({
        hostId: props.hostId,
        pool: props.pool,
        name,
        format,
        capacity,
        allocateNow,
        ...(format === 'qcow2' && backing ? { backingVolume: backing } : {}),
      });
      props.onClose();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('volumes.createTitle', { pool: props.pool })} onCancel={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField label={t('volumes.name')} value={name} onChange={setName} error={nameProblem} autoFocus />
        <div className="field">
          <label>
            {t('volumes.format')}
            <select value={format} onChange={(e) => setFormat(e.target.value as VolumeFormatName)}>
              {VolumeFormatName.options.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
        </div>
        <TextField
          label={t('volumes.capacity')}
          value={capacity}
          onChange={setCapacity}
          hint={t('volumes.capacityHint')}
          error={sizeProblem}
        />
        <label className="field">
          <input type="checkbox" checked={allocateNow} onChange={(e) => setAllocateNow(e.target.checked)} />
          {t('volumes.allocateNow')}
        </label>
        {format === 'qcow2' && (
          <div className="field">
            <label>
              {t('volumes.backing')}
              <select value={backing} onChange={(e) => setBacking(e.target.value)}>
                <option value="">{t('volumes.noBacking')}</option>
                {props.volumes.map((v) => (
                  <option key={v.name}>{v.name}</option>
                ))}
              </select>
            </label>
          </div>
        )}
        <FormFooter
          error={error}
          busy={busy}
          submitLabel={t('volumes.createButton')}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
