import { useStores } from '../common/stores-context';
import type { ActionTarget } from '../stores/domain-action-runner';
import { useConsoleT } from './console-strings';

/** Toolbar: opens the window of the one selected VM on its console. */
export function OpenConsoleButton({ targets }: { targets: readonly ActionTarget[] }) {
  const t = useConsoleT();
  const { consoles } = useStores();
  const only = targets.length === 1 ? targets[0] : undefined;
  return (
    <button
      type="button"
      disabled={!only}
      onClick={() => only && consoles.getState().show(only.hostId, only.uuid)}
    >
      {t('openConsole')}
    </button>
  );
}
