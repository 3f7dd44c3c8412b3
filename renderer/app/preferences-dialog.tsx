import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Prefs } from '../../shared/api/prefs';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStoreState, useStores } from '../common/stores-context';
import { TextField } from '../common/text-field';

/** Statistics interval and whether destructive actions ask first. */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { prefs } = useStores();
  const current = useStoreState('prefs', (state) => state.prefs);
  const [seconds, setSeconds] = useState(String(current.statsIntervalMs / 1000));
  const [confirmDestructive, setConfirmDestructive] = useState(current.confirmDestructive);
  const [intervalError, setIntervalError] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const change = {
      statsIntervalMs: Math.round(Number(seconds.replace(',', '.')) * 1000),
      confirmDestructive,
    };
    if (seconds.trim() === '' || !Prefs.safeParse(change).success) {
      setIntervalError(t('preferences.statsIntervalInvalid'));
      return;
    }
    try {
      await prefs.getState().save(change);
      onClose();
    } catch (error) {
      setSaveError(t('preferences.failed', { message: toApiError(error).message }));
    }
  };

  return (
    <Dialog title={t('preferences.title')} onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('preferences.statsInterval')}
          value={seconds}
          onChange={(value) => {
            setSeconds(value);
            setIntervalError(undefined);
          }}
          inputMode="decimal"
          error={intervalError}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={confirmDestructive}
            onChange={(event) => setConfirmDestructive(event.target.checked)}
          />
          {t('preferences.confirmDestructive')}
        </label>
        <p className="field-hint">{t('preferences.confirmDestructiveHint')}</p>
        {saveError && (
          <p role="alert" className="form-error">
            {saveError}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('preferences.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
