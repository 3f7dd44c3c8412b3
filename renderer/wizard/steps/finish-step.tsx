import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkChoice, NewVmPlan } from '../../../shared/api/wizard';
import { useFormatBytes } from '../../i18n/use-format-bytes';
import { toApiError } from '../../api/api-error-from';
import { TextField } from '../../common/text-field';
import { useStoreState, useStores } from '../../common/stores-context';
import type { CheckMessage } from '../../../shared/checks/check-message';
import { useCheckText } from '../../i18n/check-text';
import type { StepProps } from './step-props';

type NetType = NetworkChoice['type'];
const NET_TYPES: readonly NetType[] = ['network', 'bridge', 'direct', 'user', 'none'];

/** Step 5: name, network, firmware (Secure Boot), TPM, customize, and the summary with the XML. */
export function FinishStep({
  c,
  set,
  caps,
  plan,
  nameProblem,
}: StepProps & { plan: NewVmPlan | undefined; nameProblem: CheckMessage | undefined }) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  const describeCheck = useCheckText();
  const id = useId();
  const { wizardCalls, networks } = useStores();
  const hostId = c.hostId!;
  const netMap = useStoreState('networks', (s) => s.byHost[hostId]);
  const netNames = Object.values(netMap ?? {})
    .map((n) => n.name)
    .sort();
  useEffect(() => {
    void networks.getState().load(hostId);
  }, [networks, hostId]);
  const [preview, setPreview] = useState<
    { xml: string; installXml?: string } | { error: string } | undefined
  >();
  const planKey = plan ? JSON.stringify(plan) : '';
  useEffect(() => {
    if (!plan) return setPreview(undefined);
    let live = true;
    const timer = setTimeout(() => {
      wizardCalls.preview(hostId, plan).then(
        (r) => live && setPreview(r),
        (e: unknown) => live && setPreview({ error: toApiError(e).message }),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // planKey stands for plan.
  }, [wizardCalls, hostId, planKey]);
  const network = c.network ?? { type: 'user' };
  const setNet = (type: NetType, source = '') =>
    set({
      network:
        type === 'user' || type === 'none'
          ? { type }
          : { type, source: source || (type === 'network' ? (netNames[0] ?? 'default') : '') },
    });
  const efiOk = caps.firmware.efi;
  return (
    <div className="wizard-step">
      <TextField
        label={t('wizard.name')}
        value={c.name}
        onChange={(v) => set({ name: v, touched: { ...c.touched, name: true } })}
        error={nameProblem && describeCheck(nameProblem)}
      />
      <div className="field">
        <label htmlFor={`${id}-net`}>{t('wizard.network')}</label>
        <select id={`${id}-net`} value={network.type} onChange={(e) => setNet(e.target.value as NetType)}>
          {NET_TYPES.map((n) => (
            <option key={n} value={n}>
              {t(`wizard.net.${n}`)}
            </option>
          ))}
        </select>
      </div>
      {network.type === 'network' && (
        <div className="field">
          <label htmlFor={`${id}-netsrc`}>{t('wizard.netSource')}</label>
          <select
            id={`${id}-netsrc`}
            value={network.source}
            onChange={(e) => setNet('network', e.target.value)}
          >
            {netNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      {(network.type === 'bridge' || network.type === 'direct') && (
        <TextField
          label={network.type === 'bridge' ? t('wizard.bridgeName') : t('wizard.macvtapDevice')}
          value={network.source}
          onChange={(v) => set({ network: { type: network.type, source: v } })}
          error={network.source.trim() ? undefined : t('wizard.bad.netSource')}
        />
      )}
      {caps.session && network.type !== 'user' && <p className="field-hint">{t('wizard.sessionNetHint')}</p>}
      <fieldset>
        <legend>{t('wizard.firmware')}</legend>
        <label className="wizard-radio">
          <input
            type="radio"
            name={`${id}-fw`}
            checked={c.firmware === 'bios'}
            onChange={() =>
              set({ firmware: 'bios', secureBoot: false, touched: { ...c.touched, firmware: true } })
            }
          />
          BIOS
        </label>
        <label className="wizard-radio">
          <input
            type="radio"
            name={`${id}-fw`}
            disabled={!efiOk}
            checked={c.firmware === 'efi'}
            onChange={() => set({ firmware: 'efi', touched: { ...c.touched, firmware: true } })}
          />
          UEFI
        </label>
        {!efiOk && <p className="field-hint">{t('wizard.noEfi')}</p>}
        <label className="wizard-check">
          <input
            type="checkbox"
            role="switch"
            disabled={c.firmware !== 'efi' || !caps.firmware.secureBoot}
            checked={c.firmware === 'efi' && c.secureBoot}
            onChange={(e) => set({ secureBoot: e.target.checked, touched: { ...c.touched, firmware: true } })}
          />
          {t('wizard.secureBoot')}
        </label>
        <label className="wizard-check">
          <input
            type="checkbox"
            disabled={!caps.devices.tpmBackends.includes('emulator')}
            checked={c.tpm}
            onChange={(e) => set({ tpm: e.target.checked, touched: { ...c.touched, firmware: true } })}
          />
          {t('wizard.tpm')}
        </label>
      </fieldset>
      <label className="wizard-check">
        <input type="checkbox" checked={c.customize} onChange={(e) => set({ customize: e.target.checked })} />
        {t('wizard.customize')}
      </label>
      {plan && (
        <dl className="wizard-summary" aria-label={t('wizard.summary')}>
          <dt>{t('wizard.summaryInstall')}</dt>
          <dd>{c.method?.summary}</dd>
          <dt>{t('wizard.summaryOs')}</dt>
          <dd>{plan.osId ?? '—'}</dd>
          <dt>{t('wizard.summaryMemory')}</dt>
          <dd>{formatBytes(plan.memoryBytes)}</dd>
          <dt>{t('wizard.vcpus')}</dt>
          <dd>{plan.vcpus}</dd>
          <dt>{t('wizard.summaryStorage')}</dt>
          <dd>
            {plan.storage.kind === 'new'
              ? t('wizard.summaryNewDisk', {
                  size: formatBytes(plan.storage.capacityBytes),
                  pool: plan.storage.pool,
                })
              : t(`wizard.storage.${plan.storage.kind}`)}
          </dd>
        </dl>
      )}
      {preview && 'error' in preview && <p role="alert">{preview.error}</p>}
      {preview && 'xml' in preview && (
        <details className="wizard-xml">
          <summary>{t('wizard.xml')}</summary>
          <pre aria-label={t('wizard.xmlDefined')} tabIndex={0}>
            {preview.xml}
          </pre>
          {preview.installXml && (
            <>
              <p>{t('wizard.xmlInstallNote')}</p>
              <pre aria-label={t('wizard.xmlInstall')} tabIndex={0}>
                {preview.installXml}
              </pre>
            </>
          )}
        </details>
      )}
    </div>
  );
}
