import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditProblem } from '../../../shared/api/domain-edit';
import type { ImportResult, ImportSummary, Presence } from '../../../shared/api/domain-import';
import { Dialog } from '../../common/dialog';
import { useStores } from '../../common/stores-context';
import { TextField } from '../../common/text-field';
import { wellFormedness } from '../../details/xml-editor';
import { useFormatMemory } from '../use-format-memory';

/** A problem or warning in the user's language when its code has a message, else libvirt's words. */
function useProblemText(): (p: EditProblem) => string {
  const { t, i18n } = useTranslation();
  return (p) => {
    const key = `importXml.problem.${p.code}`;
    const text = i18n.exists(key) ? t(key, { ...p.values }) : p.message;
    return p.line !== undefined && p.code !== 'malformed'
      ? t('importXml.atLine', { line: p.line, column: p.column ?? 1, message: text })
      : text;
  };
}

function PresenceText({ present }: { present: Presence }) {
  const { t } = useTranslation();
  return (
    <span className={`import-presence import-presence-${present}`}>{t(`importXml.presence.${present}`)}</span>
  );
}

function SummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const memory = useFormatMemory();
  return (
    <section aria-label={t('importXml.summary')} className="import-summary">
      <dl>
        <dt>{t('importXml.name')}</dt>
        <dd>{summary.name}</dd>
        <dt>{t('importXml.memory')}</dt>
        <dd>{memory(summary.memoryBytes === undefined ? undefined : summary.memoryBytes / 1024)}</dd>
        <dt>{t('importXml.vcpus')}</dt>
        <dd>{summary.vcpus ?? t('list.noValue')}</dd>
        {summary.hostDevices > 0 && (
          <>
            <dt>{t('importXml.hostDevices')}</dt>
            <dd>{summary.hostDevices}</dd>
          </>
        )}
      </dl>
      <h3>{t('importXml.disks')}</h3>
      <ul>
        {summary.disks.map((d) => (
          <li key={d.target}>
            {d.target} ({d.device}): {d.source ?? t('importXml.noSource')}{' '}
            {d.source && <PresenceText present={d.present} />}
          </li>
        ))}
      </ul>
      <h3>{t('importXml.nics')}</h3>
      <ul>
        {summary.nics.map((n, i) => (
          <li key={`${n.mac ?? ''}${i}`}>
            {t('importXml.nic', {
              type: n.type,
              source: n.source ?? '—',
              mac: n.mac ?? t('importXml.newMac'),
            })}{' '}
            <PresenceText present={n.present} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Import a VM from a libvirt domain XML document (pasted or opened from a file): checked on the host
 * (what it defines, what the host lacks), refused with the line and column when malformed, then
 * defined. Nothing is defined until Import, and not then when anything is refused.
 */
export function ImportXmlDialog({
  hostId,
  hostName,
  onClose,
}: {
  hostId: string;
  hostName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { importCalls, activity } = useStores();
  const problemText = useProblemText();
  const textId = useId();
  const [xml, setXml] = useState('');
  const [name, setName] = useState('');
  const [newIdentity, setNewIdentity] = useState(false);
  const [adaptToHost, setAdaptToHost] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const malformed = xml.trim() === '' ? undefined : wellFormedness(xml);

  const edit = (set: () => void) => {
    set();
    setResult(undefined);
  };
  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      const text = await file.text();
      edit(() => setXml(text));
    }
  };
  const send = async (define: boolean) => {
    setBusy(true);
    setError(undefined);
    const options = { newIdentity, adaptToHost, ...(name.trim() ? { name: name.trim() } : {}) };
    const answer = await importCalls.importXml(hostId, xml, options, define);
    setBusy(false);
    if ('error' in answer) return setError(answer.error);
    setResult(answer);
    if (answer.outcome === 'defined' && answer.defined) {
      activity.getState().post('success', 'importXml.done', { name: answer.defined.name, host: hostName });
      onClose();
    }
  };

  const refusedIdentity = result?.problems.some((p) => p.code === 'uuid-taken' || p.code === 'name-taken');
  const refusedHost = result?.problems.some((p) => ['virt-type', 'emulator', 'machine'].includes(p.code));
  return (
    <Dialog title={t('importXml.title', { host: hostName })} onCancel={onClose} className="import-xml-dialog">
      <label htmlFor={textId}>{t('importXml.documentLabel')}</label>
      <textarea
        id={textId}
        className="import-xml-text"
        rows={14}
        spellCheck={false}
        value={xml}
        placeholder={t('importXml.placeholder')}
        onChange={(e) => edit(() => setXml(e.target.value))}
      />
      <label className="import-file">
        {t('importXml.openFile')}{' '}
        <input type="file" accept=".xml,text/xml,application/xml" onChange={(e) => void openFile(e)} />
      </label>
      <p className={malformed ? 'xml-status xml-error' : 'xml-status'} role="status">
        {malformed
          ? t('importXml.malformedAt', {
              line: malformed.line,
              column: malformed.column,
              message: malformed.message,
            })
          : xml.trim()
            ? t('importXml.wellFormed')
            : ''}
      </p>
      <TextField
        label={t('importXml.newName')}
        hint={t('importXml.newNameHint')}
        value={name}
        onChange={(v) => edit(() => setName(v))}
      />
      <label className={refusedIdentity ? 'import-option import-option-suggested' : 'import-option'}>
        <input
          type="checkbox"
          checked={newIdentity}
          onChange={(e) => edit(() => setNewIdentity(e.target.checked))}
        />{' '}
        {t('importXml.newIdentity')}
      </label>
      <label className={refusedHost ? 'import-option import-option-suggested' : 'import-option'}>
        <input
          type="checkbox"
          checked={adaptToHost}
          onChange={(e) => edit(() => setAdaptToHost(e.target.checked))}
        />{' '}
        {t('importXml.adaptToHost')}
      </label>
      {result?.summary && <SummaryView summary={result.summary} />}
      {result && result.problems.length > 0 && (
        <div role="alert" className="form-problems">
          <p>{t('importXml.refused')}</p>
          <ul>
            {result.problems.map((p) => (
              <li key={`${p.code}${p.message}`}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {result && result.warnings.length > 0 && (
        <ul className="form-warnings" aria-label={t('importXml.warnings')}>
          {result.warnings.map((w) => (
            <li key={`${w.code}${w.field}`}>{problemText(w)}</li>
          ))}
        </ul>
      )}
      {result && result.changes.length > 0 && (
        <ul className="field-note" aria-label={t('importXml.changes')}>
          {result.changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {result?.outcome === 'ready' && <p role="status">{t('importXml.ready')}</p>}
      {error && <p role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" className="dialog-cancel" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button type="button" disabled={busy || !xml.trim() || !!malformed} onClick={() => void send(false)}>
          {t('importXml.check')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !xml.trim() || !!malformed}
          onClick={() => void send(true)}
        >
          {busy ? t('importXml.working') : t('importXml.import')}
        </button>
      </div>
    </Dialog>
  );
}
