import { useTranslation } from 'react-i18next';
import type { PromptRequest } from '../../shared/api/prompts';
import { Dialog } from '../common/dialog';

type HostKeyRequest = Extract<PromptRequest, { kind: 'host-key' }>;

/** "Unknown host key": shows the SHA256 fingerprint; Trust or Cancel. */
export function HostKeyPrompt({
  request,
  hostLabel,
  onAnswer,
}: {
  request: HostKeyRequest;
  hostLabel: string;
  onAnswer: (accepted: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      role="alertdialog"
      title={t('prompts.hostKey.title')}
      onCancel={() => onAnswer(false)}
      initialFocus=".dialog-cancel"
      describedBy="host-key-text"
    >
      <div id="host-key-text">
        <p>{t('prompts.hostKey.intro', { host: request.host })}</p>
        <p>
          {t('prompts.hostKey.fingerprint', { keyType: request.keyType })}
          <br />
          <code className="fingerprint">{request.fingerprint}</code>
        </p>
        <p>{t('prompts.hostKey.question')}</p>
      </div>
      <p className="field-hint">{t('prompts.forHost', { host: hostLabel })}</p>
      <div className="dialog-buttons">
        <button type="button" className="dialog-cancel" onClick={() => onAnswer(false)}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => onAnswer(true)}>
          {t('prompts.hostKey.trust')}
        </button>
      </div>
    </Dialog>
  );
}
