import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/confirm-dialog';
import { appRootId } from '../common/dialog';
import { useStoreState, useStores } from '../common/stores-context';
import { DomainList } from '../domains/domain-list';
import { AddConnectionDialog } from '../hosts/add-connection-dialog';
import { PromptDialogs } from '../prompts/prompt-dialogs';
import { AlertList } from './alert-list';
import { PreferencesDialog } from '../preferences/preferences-dialog';
import { StatusLine } from './status-line';
import { Toolbar } from './toolbar';
import { WelcomePanel } from './welcome-panel';
import { ConsolesPane } from '../consoles/consoles-pane';
import { HostDetailsWindow } from '../host-details/host-details-window';
import { JobsPanel } from '../jobs/jobs-panel';
// issue 14: dialogs opened from the VM actions (Clone)
import { VmDialogs } from '../clone/vm-dialogs';
import { NewVmWizard } from '../wizard/new-vm-wizard';

/** The manager window: toolbar, alerts, the host/VM list (or the welcome panel), status line. */
export function App() {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'add-connection' | 'preferences' | null>(null);
  const loaded = useStoreState('hosts', (state) => state.loaded);
  const hostCount = useStoreState('hosts', (state) => state.order.length);
  const startupError = useStoreState('session', (state) => state.startupError);
  const transport = useStoreState('session', (state) => state.transport);
  const wizard = useStoreState('wizard', (state) => state.open);
  const { wizard: wizardStore } = useStores();
  const close = () => setDialog(null);

  let body;
  if (!loaded && startupError)
    body = <p className="startup-error">{t('app.startupFailed', { message: startupError })}</p>;
  else if (!loaded) body = <p className="loading">{t('app.loading')}</p>;
  else if (hostCount === 0) body = <WelcomePanel />;
  else body = <DomainList />;

  return (
    <>
      <div id={appRootId} className="app">
        <Toolbar
          onAddConnection={() => setDialog('add-connection')}
          onPreferences={() => setDialog('preferences')}
        />
        {transport === 'down' && (
          <p role="alert" className="transport-banner">
            {t('app.transportDown')}
          </p>
        )}
        <AlertList />
        <main className="app-main">
          {body}
          <ConsolesPane />
        </main>
        <JobsPanel />
        <StatusLine />
      </div>
      {dialog === 'add-connection' && <AddConnectionDialog onClose={close} />}
      {dialog === 'preferences' && <PreferencesDialog onClose={close} />}
      {wizard && <NewVmWizard hostId={wizard.hostId} onClose={() => wizardStore.getState().close()} />}
      <HostDetailsWindow />
      <ConfirmDialog />
      <VmDialogs />
      <PromptDialogs />
    </>
  );
}
