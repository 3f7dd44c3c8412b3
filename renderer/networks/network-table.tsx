import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkIp, NetworkSummary } from '../../shared/api/networks';

const cidr = (ip: NetworkIp) => `${ip.address}/${ip.prefix}`;
const ranges = (ip: NetworkIp) => ip.dhcpRanges.map((r) => `${r.start}–${r.end}`);

/** The networks as a grid: one row each (named by the network), arrow keys move the selection. */
export function NetworkTable({
  networks,
  selected,
  onSelect,
}: {
  networks: readonly NetworkSummary[];
  selected: string | null;
  onSelect: (uuid: string) => void;
}) {
  const { t } = useTranslation();
  const current = networks.findIndex((n) => n.uuid === selected);
  const empty = t('networks.emptyValue');

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = networks[Math.min(networks.length - 1, Math.max(0, current + step))];
    if (!next) return;
    onSelect(next.uuid);
    event.currentTarget.querySelector<HTMLElement>(`[data-uuid="${next.uuid}"]`)?.focus();
  };

  return (
    <table role="grid" aria-label={t('networks.list')} className="network-table">
      <thead>
        <tr>
          <th scope="col">{t('networks.name')}</th>
          <th scope="col">{t('networks.state')}</th>
          <th scope="col">{t('networks.autostart')}</th>
          <th scope="col">{t('networks.forward')}</th>
          <th scope="col">{t('networks.bridge')}</th>
          <th scope="col">{t('networks.addresses')}</th>
          <th scope="col">{t('networks.dhcp')}</th>
        </tr>
      </thead>
      <tbody onKeyDown={onKeyDown}>
        {networks.map((network, i) => {
          const isSelected = network.uuid === selected;
          const mode = t(`networks.modes.${network.forwardMode}`, { defaultValue: network.forwardMode });
          const devices = network.forwardDevices.length > 0 ? ` (${network.forwardDevices.join(', ')})` : '';
          return (
            <tr
              key={network.uuid}
              data-uuid={network.uuid}
              aria-selected={isSelected}
              aria-label={network.name}
              tabIndex={isSelected || (current === -1 && i === 0) ? 0 : -1}
              className={isSelected ? 'selected' : undefined}
              onClick={() => onSelect(network.uuid)}
            >
              <td>{network.name}</td>
              <td>{network.active ? t('networks.active') : t('networks.inactive')}</td>
              <td>{network.autostart ? t('networks.yes') : t('networks.no')}</td>
              <td>{mode + devices}</td>
              <td className="mono">{network.bridge ?? empty}</td>
              <td className="mono">{network.ips.map(cidr).join(', ') || empty}</td>
              <td className="mono">{network.ips.flatMap(ranges).join(', ') || empty}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
