import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sshPreviewRows } from './ssh-preview-rows';
import type { SshPreview } from './use-ssh-config';

/** "What this connects to": the SSH connection as ~/.ssh/config resolves it, before connecting. */
export function SshPreviewPanel({ preview }: { preview: SshPreview }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (preview.state === 'idle') return null;
  return (
    <section className="ssh-preview" aria-labelledby={headingId} aria-busy={preview.state === 'loading'}>
      <h3 id={headingId}>{t('addConnection.preview.title')}</h3>
      {preview.state === 'loading' && <p className="field-hint">{t('addConnection.preview.loading')}</p>}
      {preview.state === 'failed' && (
        <p className="form-error">{t('addConnection.preview.failed', { message: preview.message })}</p>
      )}
      {preview.state === 'ready' && (
        <>
          {preview.resolution.definedAt && (
            <p className="field-hint">
              {t('addConnection.preview.definedAt', {
                file: preview.resolution.definedAt.file,
                line: preview.resolution.definedAt.line,
              })}
            </p>
          )}
          <dl>
            {sshPreviewRows(t, preview.resolution).map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd className="mono">{row.value}</dd>
              </div>
            ))}
          </dl>
          {preview.resolution.notes.map((note) => (
            <p key={note} role="note" className="ssh-preview-note">
              {note}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
