import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeDeviceView } from '../../shared/api/node-devices';
import { deviceAddress, deviceDescription } from './device-rows';
import { useDeviceUsersText } from './device-users-text';

/**
 * The host's devices as a grid in sections by kind (a header row per kind); one row per device,
 * named by the device; arrow keys move the selection through every section.
 */
export function DeviceTable({
  sections,
  selected,
  onSelect,
}: {
  sections: readonly { kind: string; devices: readonly NodeDeviceView[] }[];
  selected: string | null;
  onSelect: (name: string) => void;
}) {
  const { t } = useTranslation();
  const usersText = useDeviceUsersText();
  const flat = sections.flatMap((s) => s.devices);
  const current = flat.findIndex((d) => d.name === selected);
  const empty = t('nodeDevices.emptyValue');

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = flat[Math.min(flat.length - 1, Math.max(0, current + step))];
    if (!next) return;
    onSelect(next.name);
    event.currentTarget.querySelector<HTMLElement>(`[data-name="${CSS.escape(next.name)}"]`)?.focus();
  };

  return (
    <table
      role="grid"
      aria-label={t('nodeDevices.list')}
      className="pool-table device-table"
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          <th scope="col">{t('nodeDevices.name')}</th>
          <th scope="col">{t('nodeDevices.description')}</th>
          <th scope="col">{t('nodeDevices.driver')}</th>
          <th scope="col">{t('nodeDevices.address')}</th>
          <th scope="col">{t('nodeDevices.iommuGroup')}</th>
          <th scope="col">{t('nodeDevices.usedBy')}</th>
        </tr>
      </thead>
      {sections.map((section) => (
        <tbody key={section.kind}>
          <tr className="device-kind">
            <th scope="rowgroup" colSpan={6}>
              {t('nodeDevices.kindCount', {
                kind: t(`nodeDevices.kinds.${section.kind}`, { defaultValue: section.kind }),
                count: section.devices.length,
              })}
            </th>
          </tr>
          {section.devices.map((device) => {
            const isSelected = device.name === selected;
            const index = flat.indexOf(device);
            return (
              <tr
                key={device.name}
                data-name={device.name}
                aria-selected={isSelected}
                aria-label={device.name}
                tabIndex={isSelected || (current === -1 && index === 0) ? 0 : -1}
                className={isSelected ? 'selected' : undefined}
                onClick={() => onSelect(device.name)}
              >
                <td className="mono">{device.name}</td>
                <td>{deviceDescription(device) ?? empty}</td>
                <td className="mono">{device.driver ?? empty}</td>
                <td className="mono">{deviceAddress(device) ?? empty}</td>
                <td>{device.pci?.iommuGroup?.number ?? empty}</td>
                <td>{usersText(device.usedBy) || empty}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
