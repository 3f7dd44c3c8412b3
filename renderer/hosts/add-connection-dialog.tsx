import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/dialog';
import { useStores } from '../common/stores-context';
import { TextField } from '../common/text-field';
import { toApiError } from '../api/api-error-from';
import {
  commonUris,
  emptyConnectionForm,
  generatedUri,
  toHostInput,
  validateConnectionForm,
  type ConnectionForm,
  type FieldErrors,
} from './connection-form';
import { SshPreviewPanel } from './ssh-preview';
import { useSshAliases, useSshPreview } from './use-ssh-config';

/** virt-manager's "Add Connection": SSH or local, live generated URI, validated before it is saved. */
export function AddConnectionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { hosts } = useStores();
  const [form, setForm] = useState<ConnectionForm>(emptyConnectionForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const ssh = form.transport === 'ssh';
  const aliases = useSshAliases(ssh);
  const preview = useSshPreview(ssh ? toHostInput(form) : null);

  const update = <K extends keyof ConnectionForm>(field: K, value: ConnectionForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const errorOf = (field: keyof FieldErrors) => (errors[field] ? t(errors[field]) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = validateConnectionForm(form);
    setErrors(found);
    if (!input) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.add-connection [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      const view = await hosts.getState().add(input);
      onClose();
      void hosts.getState().connect(view.config.id);
    } catch (error) {
      setSubmitError(t('addConnection.failed', { message: toApiError(error).message }));
      setSubmitting(false);
    }
  };

  return (
    <Dialog title={t('addConnection.title')} onCancel={onClose} className="add-connection">
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="connection-type">{t('addConnection.transport')}</label>
          <select
            id="connection-type"
            value={form.transport}
            onChange={(event) => update('transport', event.target.value === 'local' ? 'local' : 'ssh')}
          >
            <option value="ssh">{t('addConnection.transports.ssh')}</option>
            <option value="local">{t('addConnection.transports.local')}</option>
          </select>
        </div>
        <TextField
          label={t('addConnection.name')}
          value={form.name}
          onChange={(value) => update('name', value)}
          placeholder={t('addConnection.namePlaceholder')}
          error={errorOf('name')}
        />
        {ssh && (
          <>
            <TextField
              label={t('addConnection.host')}
              value={form.host}
              onChange={(value) => update('host', value)}
              placeholder={t('addConnection.hostPlaceholder')}
              error={errorOf('host')}
              autoCapitalize="off"
              spellCheck={false}
              list="ssh-aliases"
            />
            <datalist id="ssh-aliases">
              {aliases.map((a) => (
                <option
                  key={a.alias}
                  value={a.alias}
                  label={t('addConnection.aliasDefinedAt', { file: a.file, line: a.line })}
                />
              ))}
            </datalist>
            <div className="field-row">
              <TextField
                label={t('addConnection.user')}
                value={form.user}
                onChange={(value) => update('user', value)}
                error={errorOf('user')}
                autoCapitalize="off"
                spellCheck={false}
              />
              <TextField
                label={t('addConnection.port')}
                value={form.port}
                onChange={(value) => update('port', value)}
                error={errorOf('port')}
                inputMode="numeric"
                placeholder="22"
                className="field-port"
              />
            </div>
          </>
        )}
        <TextField
          label={t('addConnection.uri')}
          value={form.uri}
          onChange={(value) => update('uri', value)}
          error={errorOf('uri')}
          list="libvirt-uris"
          spellCheck={false}
        />
        <datalist id="libvirt-uris">
          {commonUris.map((uri) => (
            <option key={uri} value={uri} />
          ))}
        </datalist>
        {ssh && (
          <TextField
            label={t('addConnection.privateKey')}
            value={form.privateKeyPath}
            onChange={(value) => update('privateKeyPath', value)}
            placeholder={t('addConnection.privateKeyPlaceholder')}
            error={errorOf('privateKeyPath')}
            spellCheck={false}
          />
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={form.autoconnect}
            onChange={(event) => update('autoconnect', event.target.checked)}
          />
          {t('addConnection.autoconnect')}
        </label>
        <div className="generated-uri">
          <span id="generated-uri-label">{t('addConnection.generatedUri')}</span>
          <output aria-labelledby="generated-uri-label" className="mono">
            {generatedUri(form)}
          </output>
        </div>
        {ssh && <SshPreviewPanel preview={preview} />}
        {submitError && (
          <p role="alert" className="form-error">
            {submitError}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary" disabled={submitting} aria-busy={submitting}>
            {t('addConnection.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
