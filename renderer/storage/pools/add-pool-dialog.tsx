import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PoolType, type PoolCapabilities } from '../../../shared/api/pools';
import { toApiError } from '../../api/api-error-from';
import { Dialog } from '../../common/dialog';
import { FormError } from '../../common/form-error';
import { checkText } from '../../i18n/check-text';
import { useStores } from '../../common/stores-context';
import { TextField } from '../../common/text-field';
import { PoolFormFields } from './pool-form-fields';
import { emptyForm, formProblem, isDiscoverable, specFromForm, type PoolForm } from './pool-form';
import { SourceFinder } from './source-finder';

/** Add Pool: the types this host runs, the fields the chosen type needs, source discovery, build/start/autostart. */
export function AddPoolDialog({
  hostId,
  onClose,
  onCreated,
}: {
  hostId: string;
  onClose: () => void;
  onCreated: (uuid: string) => void;
}) {
  const { t } = useTranslation();
  const { poolCalls, activity } = useStores();
  const [caps, setCaps] = useState<PoolCapabilities | null>(null);
  const [form, setForm] = useState<PoolForm>(emptyForm('dir'));
  const [options, setOptions] = useState({ build: true, start: true, autostart: true });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    poolCalls.capabilities(hostId).then(
      (reply) => live && setCaps(reply),
      (err: unknown) => live && setError(toApiError(err).message),
    );
    return () => {
      live = false;
    };
  }, [poolCalls, hostId]);

  const types = (caps?.types ?? []).filter((c) => c.supported && PoolType.safeParse(c.type).success);
  const formats = caps?.types.find((c) => c.type === form.type)?.sourceFormats ?? [];
  const formCheck = formProblem(form);
  const problem = formCheck && checkText(t, formCheck);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const result = await poolCalls.define({ hostId, spec: specFromForm(form), ...options });
      activity.getState().post('success', 'pools.done', { message: result.message });
      if (result.summary) onCreated(result.summary.uuid);
      onClose();
    } catch (err) {
      setError(t('pools.add.failed', { message: toApiError(err).message }));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('pools.add.title')} onCancel={onClose} className="add-pool">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="add-pool-type">{t('pools.add.type')}</label>
          <select
            id="add-pool-type"
            value={form.type}
            disabled={!caps}
            onChange={(event) => setForm(emptyForm(event.target.value as PoolType, form.name))}
          >
            {types.map((c) => (
              <option key={c.type} value={c.type}>
                {c.type}
              </option>
            ))}
          </select>
          {caps && !caps.known && <span className="field-hint">{t('pools.add.typesUnknown')}</span>}
        </div>
        <TextField
          label={t('pools.add.name')}
          value={form.name}
          onChange={(name) => setForm({ ...form, name })}
          autoComplete="off"
          spellCheck={false}
        />
        <PoolFormFields form={form} formats={formats} onChange={setForm} />
        {isDiscoverable(form.type) && <SourceFinder hostId={hostId} form={form} onUse={setForm} />}
        {(['build', 'start', 'autostart'] as const).map((key) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={options[key]}
              onChange={(event) => setOptions({ ...options, [key]: event.target.checked })}
            />
            {t(`pools.add.${key}`)}
          </label>
        ))}
        <FormError message={touched ? problem : undefined} />
        <FormError message={error} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" disabled={busy || !caps}>
            {busy ? t('pools.add.creating') : t('pools.add.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
