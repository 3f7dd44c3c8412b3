import { useTranslation } from 'react-i18next';
import type { PromptRequest } from '../../shared/api/prompts';
import { useStoreState, useStores } from '../common/stores-context';
import { hostDisplayName } from '../stores/display-names';
import { HostKeyPrompt } from './host-key-prompt';
import { SecretPrompt } from './secret-prompt';

/** Shows the oldest pending backend question as a dialog; answering or a dismiss event removes it. */
export function PromptDialogs() {
  const { t } = useTranslation();
  const { prompts } = useStores();
  const request = useStoreState('prompts', (state) => state.queue[0]);
  const host = useStoreState('hosts', (state) => (request ? state.byId[request.hostId] : undefined));
  if (!request) return null;
  const hostLabel = host ? hostDisplayName(host.config) : request.hostId;
  const answer = (accepted: boolean, answers: string[] = []) =>
    void prompts.getState().answer(request.promptId, accepted, answers);
  return <PromptFor key={request.promptId} request={request} hostLabel={hostLabel} onAnswer={answer} t={t} />;
}

function PromptFor({
  request,
  hostLabel,
  onAnswer,
  t,
}: {
  request: PromptRequest;
  hostLabel: string;
  onAnswer: (accepted: boolean, answers?: string[]) => void;
  t: ReturnType<typeof useTranslation>['t'];
}) {
  switch (request.kind) {
    case 'host-key':
      return <HostKeyPrompt request={request} hostLabel={hostLabel} onAnswer={onAnswer} />;
    case 'password':
      return (
        <SecretPrompt
          title={t('prompts.password.title', { user: request.user, host: request.host })}
          fields={[{ label: t('prompts.password.field'), masked: true }]}
          hostLabel={hostLabel}
          onAnswer={onAnswer}
        />
      );
    case 'passphrase':
      return (
        <SecretPrompt
          title={t('prompts.passphrase.title', { keyPath: request.keyPath })}
          fields={[{ label: t('prompts.passphrase.field'), masked: true }]}
          hostLabel={hostLabel}
          onAnswer={onAnswer}
        />
      );
    case 'keyboard-interactive':
      return (
        <SecretPrompt
          title={request.name.trim() || t('prompts.keyboardInteractive.title', { host: hostLabel })}
          intro={request.instructions.trim() || undefined}
          fields={request.prompts.map((prompt) => ({ label: prompt.prompt.trim(), masked: !prompt.echo }))}
          hostLabel={hostLabel}
          onAnswer={onAnswer}
        />
      );
  }
}
