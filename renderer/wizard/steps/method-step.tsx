import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreState } from '../../common/stores-context';
import { hostDisplayName } from '../../stores/display-names';
import { installMethods } from '../methods/method-registry';
import type { MethodResult } from '../methods/method-types';
import type { WizardChoices } from '../wizard-choices';
import type { Loaded } from '../use-wizard-data';
import type { HostCapabilities } from '../../../shared/api/wizard';

/** Step 1: the connection, the install method (and its own fields), advanced arch/machine/virt type. */
export function MethodStep({
  c,
  set,
  caps,
}: {
  c: WizardChoices;
  set(patch: Partial<WizardChoices>): void;
  caps: Loaded<HostCapabilities>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hosts = useStoreState('hosts', (s) => s.byId);
  const order = useStoreState('hosts', (s) => s.order);
  const connected = order.filter((h) => hosts[h]?.status.state === 'connected');
  const method = installMethods.find((m) => m.id === c.methodId)!;
  const onChange = useCallback((result: MethodResult | undefined) => set({ method: result }), [set]);
  const onProblem = useCallback((message: string | undefined) => set({ methodProblem: message }), [set]);
  const value = caps.state === 'ready' ? caps.value : undefined;
  const arch = value?.arches.find((a) => a.arch === value.arch);
  return (
    <div className="wizard-step">
      <div className="field">
        <label htmlFor={`${id}-host`}>{t('wizard.connection')}</label>
        <select
          id={`${id}-host`}
          value={c.hostId ?? ''}
          onChange={(e) => set({ hostId: e.target.value || undefined, method: undefined, osId: undefined })}
        >
          {!c.hostId && <option value="">{t('wizard.chooseConnection')}</option>}
          {connected.map((h) => (
            <option key={h} value={h}>
              {hostDisplayName(hosts[h]!.config)}
            </option>
          ))}
        </select>
      </div>
      {connected.length === 0 && <p role="alert">{t('wizard.noConnectedHost')}</p>}
      <fieldset className="wizard-methods">
        <legend>{t('wizard.methodLegend')}</legend>
        {installMethods.map((m) => (
          <label key={m.id} className="wizard-radio">
            <input
              type="radio"
              name={`${id}-method`}
              checked={c.methodId === m.id}
              onChange={() => set({ methodId: m.id, method: undefined, methodProblem: undefined })}
            />
            {t(m.labelKey)}
          </label>
        ))}
      </fieldset>
      {c.hostId && value && method.Step && (
        <section className="wizard-method-fields" aria-label={t(method.labelKey)}>
          <method.Step
            key={`${c.hostId}/${c.methodId}`}
            hostId={c.hostId}
            capabilities={value}
            value={c.method}
            onChange={onChange}
            onProblem={onProblem}
          />
        </section>
      )}
      {c.methodProblem && (
        <p role="alert" className="field-error">
          {c.methodProblem}
        </p>
      )}
      {caps.state === 'loading' && c.hostId && <p role="status">{t('wizard.readingHost')}</p>}
      {caps.state === 'failed' && <p role="alert">{caps.message}</p>}
      {value && (
        <details className="wizard-advanced">
          <summary>{t('wizard.advanced')}</summary>
          <div className="field">
            <label htmlFor={`${id}-virt`}>{t('wizard.virtType')}</label>
            <select
              id={`${id}-virt`}
              value={value.virtType}
              onChange={(e) => set({ advanced: { ...c.advanced, virtType: e.target.value } })}
            >
              {value.virtTypes.map((v) => (
                <option key={v} value={v}>
                  {v === 'kvm' ? 'KVM' : v === 'qemu' ? t('wizard.qemuTcg') : v}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-arch`}>{t('wizard.arch')}</label>
            <select
              id={`${id}-arch`}
              value={value.arch}
              onChange={(e) => set({ advanced: { arch: e.target.value } })}
            >
              {value.arches.map((a) => (
                <option key={a.arch} value={a.arch}>
                  {a.arch}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-machine`}>{t('wizard.machine')}</label>
            <select
              id={`${id}-machine`}
              value={c.advanced.machine ?? (value.machine.includes('q35') ? 'q35' : value.machine)}
              onChange={(e) => set({ advanced: { ...c.advanced, machine: e.target.value } })}
            >
              {(arch?.machines ?? [value.machine]).map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
        </details>
      )}
    </div>
  );
}
