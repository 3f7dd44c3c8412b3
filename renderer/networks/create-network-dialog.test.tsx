import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { NetworkSummary } from '../../shared/api/networks';
import { StoresProvider } from '../common/stores-context';
import { createI18n } from '../i18n/create-i18n';
import { createStores } from '../stores/create-stores';
import { FakeApi } from '../testing/fake-api';
import { CreateNetworkDialog } from './create-network-dialog';

// Rendered to markup (no DOM here): the dialog's portal renders in place instead of into document.body.
vi.mock('react-dom', async (original) => ({
  ...(await original<typeof import('react-dom')>()),
  createPortal: (node: ReactNode) => node,
}));
vi.stubGlobal('document', { body: undefined });

const taken: NetworkSummary = {
  uuid: 'u1',
  name: 'network',
  active: true,
  autostart: false,
  persistent: true,
  forwardMode: 'nat',
  forwardDevices: [],
  bridge: 'virbr9',
  ips: [],
};

/** The dialog with its suggested name ("network") already used on the host: the form is refused. */
function render(language: string): string {
  const stores = createStores(new FakeApi());
  stores.networks.getState().applyDelta({ hostId: 'h1', reset: true, upsert: [taken], remove: [] });
  // Server rendering reads a store's initial state (useSyncExternalStore's server snapshot).
  const state = stores.networks.getState();
  stores.networks.getInitialState = () => state;
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StoresProvider stores={stores}>
        <CreateNetworkDialog hostId="h1" onClose={() => undefined} onCreated={() => undefined} />
      </StoresProvider>
    </I18nextProvider>,
  );
}

describe('Create Network dialog (issue 15)', () => {
  it('says why the form is refused in the window’s language', () => {
    expect(render('en')).toContain('A network named “network” already exists on this host');
    const zh = render('zh-CN');
    expect(zh).toContain('此宿主机上已有名为“network”的网络');
    expect(zh).not.toContain('already exists');
  });
});
