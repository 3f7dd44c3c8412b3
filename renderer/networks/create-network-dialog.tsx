import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORK_KINDS, type NetworkKind } from '../../shared/api/network-spec';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { checkText } from '../i18n/check-text';
import { useStoreState, useStores } from '../common/stores-context';
import { checkForm, newNetworkForm, withIpv4, type NetworkForm } from './network-form';
import { AddressFields, DeviceFields } from './network-form-fields';

/** Create a network: a form per kind, checked as typed; the backend checks again and defines it. */
export function CreateNetworkDialog(props: {
  hostId: string;
  onClose: () => void;
  onCreated: (uuid: string) => void;
}) {
  const { t } = useTranslation();
  const { networks, activity } = useStores();
  const kindId = useId();
  const [form, setForm] = useState<NetworkForm>(newNetworkForm);
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const byUuid = useStoreState('networks', (s) => s.byHost[props.hostId]);
  const interfaces = useStoreState('networks', (s) => s.interfaces[props.hostId]);
  useEffect(() => {
    networks
      .getState()
      .loadInterfaces(props.hostId)
      .catch(() => undefined);
  }, [networks, props.hostId]);
  const existing = useMemo(() => Object.values(byUuid ?? {}), [byUuid]);
  const checked = checkForm(form, existing, interfaces);
  const problem = 'problem' in checked ? checkText(t, checked.problem) : undefined;
  const set = (patch: Partial<NetworkForm>) => {
    setFailure(undefined);
    setForm((f) => ({ ...f, ...patch }));
  };
  const routedKind =
    form.kind === 'nat' || form.kind === 'routed' || form.kind === 'open' || form.kind === 'isolated';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!('spec' in checked)) return;
    setBusy(true);
    try {
      const { summary, message } = await networks
        .getState()
        .define(props.hostId, checked.spec, form.start, form.autostart);
      if (summary) props.onCreated(summary.uuid);
      activity.getState().post('success', 'networks.done', { message });
      props.onClose();
    } catch (error) {
      setFailure(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const setIpv4 = (ipv4: string) => {
    setFailure(undefined);
    setForm((f) => withIpv4(f, ipv4));
  };
  const fieldProps = { form, set, setIpv4, interfacesList: (interfaces ?? []).map((i) => i.name).join(', ') };
  return (
    <Dialog title={t('networks.create.title')} onCancel={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={kindId}>{t('networks.create.kind')}</label>
          <select
            id={kindId}
            value={form.kind}
            onChange={(e) => set({ kind: e.target.value as NetworkKind })}
          >
            {NETWORK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`networks.create.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="field">
          {t('networks.create.name')}
          <input value={form.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        {routedKind ? <AddressFields {...fieldProps} /> : <DeviceFields {...fieldProps} />}
        <label className="check">
          <input type="checkbox" checked={form.start} onChange={(e) => set({ start: e.target.checked })} />
          {t('networks.create.start')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.autostart}
            onChange={(e) => set({ autostart: e.target.checked })}
          />
          {t('networks.create.autostartIt')}
        </label>
        {(failure ?? problem) && (
          <p role="alert" className="field-error">
            {failure ?? problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="dialog-cancel" onClick={props.onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" disabled={busy || problem !== undefined} aria-busy={busy || undefined}>
            {busy ? t('networks.create.creating') : t('networks.create.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
