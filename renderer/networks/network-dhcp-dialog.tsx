import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkIp, NetworkSummary } from '../../shared/api/networks';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStores } from '../common/stores-context';
import { TextField } from '../common/text-field';
import { parseStaticHosts } from './network-form';

const hostLine = (h: NetworkIp['hosts'][number]) => [h.mac, h.name, h.ip].filter(Boolean).join(' ');

/** Change one subnet's DHCP range and static hosts; a running network changes live (net-update). */
export function NetworkDhcpDialog(props: { hostId: string; network: NetworkSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { networks, activity } = useStores();
  const hostsId = useId();
  const familyId = useId();
  const ips = props.network.ips;
  const [family, setFamily] = useState(ips[0]?.family ?? 'ipv4');
  const ip = ips.find((i) => i.family === family);
  const [start, setStart] = useState(ip?.dhcpRanges[0]?.start ?? '');
  const [end, setEnd] = useState(ip?.dhcpRanges[0]?.end ?? '');
  const [hosts, setHosts] = useState((ip?.hosts ?? []).map(hostLine).join('\n'));
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const choose = (next: 'ipv4' | 'ipv6') => {
    const chosen = ips.find((i) => i.family === next);
    setFamily(next);
    setStart(chosen?.dhcpRanges[0]?.start ?? '');
    setEnd(chosen?.dhcpRanges[0]?.end ?? '');
    setHosts((chosen?.hosts ?? []).map(hostLine).join('\n'));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const range = start.trim() || end.trim() ? { start: start.trim(), end: end.trim() } : undefined;
      const message = await networks.getState().updateDhcp({
        hostId: props.hostId,
        uuid: props.network.uuid,
        family,
        ...(range ? { range } : {}),
        hosts: parseStaticHosts(hosts),
      });
      activity.getState().post('success', 'networks.done', { message });
      props.onClose();
    } catch (error) {
      setFailure(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('networks.dhcpTitle', { name: props.network.name })} onCancel={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {ips.length > 1 && (
          <div className="field">
            <label htmlFor={familyId}>{t('networks.dhcpFamily')}</label>
            <select
              id={familyId}
              value={family}
              onChange={(e) => choose(e.target.value === 'ipv6' ? 'ipv6' : 'ipv4')}
            >
              {ips.map((i) => (
                <option key={i.family} value={i.family}>
                  {`${i.address}/${i.prefix}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField label={t('networks.dhcpStart')} value={start} onChange={setStart} />
        <TextField label={t('networks.dhcpEnd')} value={end} onChange={setEnd} />
        <div className="field">
          <label htmlFor={hostsId}>{t('networks.create.staticHosts')}</label>
          <textarea id={hostsId} rows={4} value={hosts} onChange={(e) => setHosts(e.target.value)} />
        </div>
        {failure && (
          <p role="alert" className="field-error">
            {failure}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="dialog-cancel" onClick={props.onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" disabled={busy || !ip} aria-busy={busy || undefined}>
            {t('networks.dhcpApply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
