import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../shared/api/networks';
import { Dialog } from '../common/dialog';
import { FormError } from '../common/form-error';
import { useStoreState, useStores } from '../common/stores-context';
import { wellFormedness, XmlEditor } from '../details/xml-editor';
import { NetworkEditResultView } from './network-edit-result';

/**
 * The network's saved definition in the XML editor: edit, "Apply…" shows the diff (and what the
 * running network makes of it), Confirm defines it (`net-define`); the answer is read back.
 */
export function NetworkXmlDialog(props: { hostId: string; network: NetworkSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { networkEdit } = useStores();
  const { hostId, network, onClose } = props;
  const session = useStoreState('networkEdit', (s) => s.session);
  const [text, setText] = useState<string | undefined>();
  useEffect(() => {
    void networkEdit.getState().open(hostId, network.uuid);
    return () => networkEdit.getState().close();
  }, [networkEdit, hostId, network.uuid]);
  const base = session?.base;
  useEffect(() => setText(base), [base]);

  const title = t('networks.xmlTitle', { name: network.name });
  const busy = session?.busy;
  const showing = session?.result && session.result.outcome !== 'applied';
  const problem = text === undefined ? undefined : wellFormedness(text);
  const changed = text !== undefined && text !== base;
  /** Typing after a diff or refusal was shown goes back to editing (Confirm defines only what was shown). */
  const edit = (next: string) => {
    if (next === text) return;
    setText(next);
    if (session?.result && session.result.outcome !== 'applied') networkEdit.getState().dismiss();
  };
  return (
    <Dialog title={title} onCancel={onClose} className="network-xml-edit">
      {text === undefined ? (
        <p>{session?.error ?? t('app.loading')}</p>
      ) : (
        <>
          <XmlEditor
            value={text}
            label={t('networks.xmlEdit.editorLabel', { name: network.name })}
            onChange={edit}
          />
          <p className={problem ? 'xml-status xml-error' : 'xml-status'} role="status">
            {problem ? t('networks.xmlEdit.malformedAt', { ...problem }) : t('networks.xmlEdit.wellFormed')}
          </p>
          <NetworkEditResultView name={network.name} />
          <FormError message={session?.error} />
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('actions.close')}
        </button>
        {showing ? (
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={() => networkEdit.getState().dismiss()}
          >
            {t('networks.xmlEdit.back')}
          </button>
        ) : (
          <button type="button" disabled={busy !== undefined || !changed} onClick={() => setText(base)}>
            {t('networks.xmlEdit.revert')}
          </button>
        )}
        {session?.result?.outcome === 'preview' ? (
          <button
            type="button"
            disabled={busy !== undefined}
            aria-busy={busy === 'apply' || undefined}
            onClick={() => void networkEdit.getState().confirm()}
          >
            {busy === 'apply' ? t('networks.xmlEdit.applying') : t('networks.xmlEdit.confirm')}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy !== undefined || !changed || !!problem}
            aria-busy={busy === 'preview' || undefined}
            onClick={() => text !== undefined && void networkEdit.getState().preview(text)}
          >
            {busy === 'preview' ? t('networks.xmlEdit.checking') : t('networks.xmlEdit.apply')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
