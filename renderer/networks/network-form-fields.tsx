import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MacvtapMode } from '../../shared/api/network-spec';
import { TextField } from '../common/text-field';
import type { NetworkForm } from './network-form';

type FieldsProps = {
  form: NetworkForm;
  set: (patch: Partial<NetworkForm>) => void;
  setIpv4: (ipv4: string) => void;
  interfacesList: string;
};

/** Bridge, forward device, DNS domain, IPv4/IPv6 subnets with DHCP, static hosts (routed kinds). */
export function AddressFields({ form, set, setIpv4 }: FieldsProps) {
  const { t } = useTranslation();
  const c = (key: string, params?: Record<string, string>) => t(`networks.create.${key}`, params);
  const forwarding = form.kind === 'nat' || form.kind === 'routed';
  return (
    <>
      <TextField label={c('bridgeOptional')} value={form.bridge} onChange={(bridge) => set({ bridge })} />
      {forwarding && (
        <TextField
          label={c('forwardDev')}
          value={form.forwardDev}
          onChange={(forwardDev) => set({ forwardDev })}
        />
      )}
      <TextField label={c('domain')} value={form.domain} onChange={(domain) => set({ domain })} />
      <TextField label={c('ipv4')} value={form.ipv4} onChange={setIpv4} />
      <TextField
        label={c('dhcpStart', { family: 'IPv4' })}
        value={form.dhcp4Start}
        onChange={(dhcp4Start) => set({ dhcp4Start, dhcp4Auto: false })}
      />
      <TextField
        label={c('dhcpEnd', { family: 'IPv4' })}
        value={form.dhcp4End}
        onChange={(dhcp4End) => set({ dhcp4End, dhcp4Auto: false })}
      />
      <TextField label={c('ipv6')} value={form.ipv6} onChange={(ipv6) => set({ ipv6 })} />
      <TextField
        label={c('dhcpStart', { family: 'IPv6' })}
        value={form.dhcp6Start}
        onChange={(dhcp6Start) => set({ dhcp6Start })}
      />
      <TextField
        label={c('dhcpEnd', { family: 'IPv6' })}
        value={form.dhcp6End}
        onChange={(dhcp6End) => set({ dhcp6End })}
      />
      <StaticHostsField form={form} set={set} />
    </>
  );
}

function StaticHostsField({ form, set }: Pick<FieldsProps, 'form' | 'set'>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('networks.create.staticHosts')}</label>
      <textarea
        id={id}
        rows={3}
        value={form.staticHosts}
        onChange={(e) => set({ staticHosts: e.target.value })}
      />
    </div>
  );
}

/** The host bridge, macvtap mode and interfaces, or the SR-IOV physical function. */
export function DeviceFields({ form, set, interfacesList }: FieldsProps) {
  const { t } = useTranslation();
  const modeId = useId();
  const hint = interfacesList ? t('networks.create.hostInterfaces', { list: interfacesList }) : undefined;
  if (form.kind === 'bridge')
    return (
      <TextField
        label={t('networks.create.hostBridge')}
        value={form.bridge}
        hint={hint}
        onChange={(bridge) => set({ bridge })}
      />
    );
  if (form.kind === 'sriov')
    return (
      <TextField
        label={t('networks.create.pf')}
        value={form.devices}
        hint={hint}
        onChange={(devices) => set({ devices })}
      />
    );
  return (
    <>
      <div className="field">
        <label htmlFor={modeId}>{t('networks.create.mode')}</label>
        <select
          id={modeId}
          value={form.mode}
          onChange={(e) => set({ mode: MacvtapMode.parse(e.target.value) })}
        >
          {MacvtapMode.options.map((mode) => (
            <option key={mode} value={mode}>
              {mode}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('networks.create.interfaces')}
        value={form.devices}
        hint={hint}
        onChange={(devices) => set({ devices })}
      />
    </>
  );
}
