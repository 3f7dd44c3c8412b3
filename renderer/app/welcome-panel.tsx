import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostInput } from '../../shared/api/hosts';
import { toApiError } from '../api/api-error-from';
import { useStoreState, useStores } from '../common/stores-context';

/** Shown while there is no connection: add local libvirt (if virsh is here) or the demo. */
export function WelcomePanel() {
  const { t } = useTranslation();
  const { hosts, activity } = useStores();
  const info = useStoreState('session', (state) => state.info);
  const [localUri, setLocalUri] = useState('qemu:///system');
  const [adding, setAdding] = useState(false);

  const add = async (input: HostInput) => {
    setAdding(true);
    try {
      const view = await hosts.getState().add(input);
      void hosts.getState().connect(view.config.id);
    } catch (error) {
      activity.getState().post('error', 'addConnection.failed', { message: toApiError(error).message });
      setAdding(false);
    }
  };

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      {info?.localVirsh ? (
        <div className="welcome-row">
          <label className="inline-field">
            <span>{t('welcome.localUri')}</span>
            <select value={localUri} onChange={(event) => setLocalUri(event.target.value)}>
              <option value="qemu:///system">{t('welcome.localSystem')}</option>
              <option value="qemu:///session">{t('welcome.localSession')}</option>
            </select>
          </label>
          <button
            type="button"
            disabled={adding}
            onClick={() => void add({ transport: 'local', uri: localUri })}
          >
            {t('welcome.addLocal')}
          </button>
        </div>
      ) : (
        <p className="field-hint">{t('welcome.noLocal')}</p>
      )}
      <div className="welcome-row">
        <button
          type="button"
          disabled={adding}
          onClick={() =>
            void add({ transport: 'local', uri: 'test:///default', name: t('welcome.demoName') })
          }
        >
          {t('welcome.addDemo')}
        </button>
      </div>
      <p>{t('welcome.remoteHint')}</p>
    </section>
  );
}
