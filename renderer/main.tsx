import './api/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createApi } from './api/create-api';
import { App } from './app/app';
import { detachedVmFromLocation } from './consoles/detached-location';
import { DetachedVmWindow } from './consoles/detached-vm-window';
import { StoresProvider } from './common/stores-context';
import { checkText } from './i18n/check-text';
import { createI18n } from './i18n/create-i18n';
import { resolveLanguage } from './i18n/resolve-language';
import { followPreferences } from './app/follow-preferences';
import { createStores, startStores, syncStores } from './stores/create-stores';
import './styles/theme.css';
import './styles/base.css';
import './styles/list.css';
import './styles/dialogs.css';
import './styles/host-details.css';

// Composition root: the one place that picks the transport and wires stores, i18n and React.
// Language and theme: the OS's (or the browser's) until Preferences choose, then as they say (issue 15).
const i18n = createI18n(resolveLanguage('system', navigator.languages));
// A shared check's refusal from the backend reaches the user in the window's language (issue 15).
const api = createApi((check) => checkText(i18n.t, check));
const stores = createStores(api);
startStores(stores);
void syncStores(stores);
followPreferences(stores, i18n);

// A detached VM window (?vm=HOST/UUID) shows only that VM's window.
const detached = detachedVmFromLocation();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoresProvider stores={stores}>
        {detached ? <DetachedVmWindow {...detached} /> : <App />}
      </StoresProvider>
    </I18nextProvider>
  </StrictMode>,
);
