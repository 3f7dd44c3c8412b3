import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ConfirmableActions,
  ConsolePrefs,
  GrabKeys,
  NewVmPrefs,
  StatKinds,
  withChange,
  type LanguagePref,
  type Prefs,
  type ThemePref,
} from '../../shared/api/prefs';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStoreState, useStores } from '../common/stores-context';
import { TextField } from '../common/text-field';
import { resolveLanguage, systemLocales } from '../i18n/resolve-language';
import { CheckField, SelectField } from './pref-fields';
import './preferences.css';

const choices = <V extends string>(values: readonly V[], label: (v: V) => string) =>
  values.map((value) => ({ value, label: label(value) }));

/**
 * Preferences (issue 15): appearance and language, statistics, new-VM defaults, consoles and which
 * actions ask first. Saved in the data dir; everything applies at once, in every window.
 */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { prefs } = useStores();
  const current = useStoreState('prefs', (state) => state.prefs);
  const info = useStoreState('session', (state) => state.info);
  const [draft, setDraft] = useState<Prefs>(current);
  const [seconds, setSeconds] = useState(String(current.statsIntervalMs / 1000));
  const [intervalError, setIntervalError] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | null>(null);
  const change = <K extends keyof Prefs>(key: K, value: Partial<Prefs[K]> | Prefs[K]) =>
    setDraft((before) => withChange(before, { [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const statsIntervalMs = Math.round(Number(seconds.replace(',', '.')) * 1000);
    if (
      seconds.trim() === '' ||
      !Number.isInteger(statsIntervalMs) ||
      statsIntervalMs < 500 ||
      statsIntervalMs > 60_000
    ) {
      setIntervalError(t('preferences.statsIntervalInvalid'));
      return;
    }
    try {
      await prefs.getState().save({ ...draft, statsIntervalMs });
      onClose();
    } catch (error) {
      setSaveError(t('preferences.failed', { message: toApiError(error).message }));
    }
  };

  const systemLanguage = resolveLanguage('system', systemLocales(info, navigator.languages));
  const languages: { value: LanguagePref; label: string }[] = [
    {
      value: 'system',
      label: t('preferences.languageSystem', { language: t(`preferences.languages.${systemLanguage}`) }),
    },
    { value: 'en', label: t('preferences.languages.en') },
    { value: 'zh-CN', label: t('preferences.languages.zh-CN') },
  ];
  const newVm = NewVmPrefs.shape;
  const consoleShape = ConsolePrefs.shape;

  return (
    <Dialog title={t('preferences.title')} onCancel={onClose} className="preferences-dialog">
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('preferences.sections.general')}</legend>
          <SelectField
            label={t('preferences.language')}
            value={draft.language}
            options={languages}
            onChange={(v) => change('language', v)}
          />
          <SelectField<ThemePref>
            label={t('preferences.theme')}
            value={draft.theme}
            options={choices(['system', 'light', 'dark'], (v) => t(`preferences.themes.${v}`))}
            onChange={(v) => change('theme', v)}
          />
        </fieldset>
        <fieldset>
          <legend>{t('preferences.sections.stats')}</legend>
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
          <fieldset className="pref-group">
            <legend>{t('preferences.statsCollect')}</legend>
            {StatKinds.map((kind) => (
              <CheckField
                key={kind}
                label={t(`preferences.statsKinds.${kind}`)}
                checked={draft.stats[kind]}
                onChange={(on) => change('stats', { [kind]: on })}
              />
            ))}
            <p className="field-hint">{t('preferences.statsNoneHint')}</p>
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>{t('preferences.sections.newVm')}</legend>
          <SelectField
            label={t('preferences.graphics')}
            value={draft.newVm.graphics}
            options={choices(newVm.graphics.unwrap().options, (v) => t(`preferences.graphicsTypes.${v}`))}
            onChange={(graphics) => change('newVm', { graphics })}
          />
          <SelectField
            label={t('preferences.storageFormat')}
            value={draft.newVm.storageFormat}
            options={choices(newVm.storageFormat.unwrap().options, (v) =>
              t(`preferences.storageFormats.${v}`),
            )}
            onChange={(storageFormat) => change('newVm', { storageFormat })}
          />
          <SelectField
            label={t('preferences.cpuMode')}
            value={draft.newVm.cpuMode}
            options={choices(newVm.cpuMode.unwrap().options, (v) => t(`preferences.cpuModes.${v}`))}
            onChange={(cpuMode) => change('newVm', { cpuMode })}
            hint={t('preferences.cpuModeHint')}
          />
          <SelectField
            label={t('preferences.firmware')}
            value={draft.newVm.firmware}
            options={choices(newVm.firmware.unwrap().options, (v) => t(`preferences.firmwares.${v}`))}
            onChange={(firmware) => change('newVm', { firmware })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('preferences.sections.console')}</legend>
          <SelectField
            label={t('preferences.scaling')}
            value={draft.console.scaling}
            options={choices(consoleShape.scaling.unwrap().options, (v) => t(`preferences.scalings.${v}`))}
            onChange={(scaling) => change('console', { scaling })}
          />
          <CheckField
            label={t('preferences.resizeGuest')}
            checked={draft.console.resizeGuest}
            onChange={(resizeGuest) => change('console', { resizeGuest })}
          />
          <SelectField
            label={t('preferences.grabKeys')}
            value={draft.console.grabKeys}
            options={choices(GrabKeys, (v) => v)}
            onChange={(grabKeys) => change('console', { grabKeys })}
          />
          <CheckField
            label={t('preferences.clipboard')}
            checked={draft.console.clipboard}
            onChange={(clipboard) => change('console', { clipboard })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('preferences.sections.confirm')}</legend>
          <fieldset className="pref-group">
            <legend>{t('preferences.confirmLegend')}</legend>
            {ConfirmableActions.map((action) => (
              <CheckField
                key={action}
                label={t(`preferences.confirmActions.${action}`)}
                checked={draft.confirm[action]}
                onChange={(on) => change('confirm', { [action]: on })}
              />
            ))}
          </fieldset>
          <p className="field-hint">{t('preferences.confirmDeleteHint')}</p>
        </fieldset>
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
