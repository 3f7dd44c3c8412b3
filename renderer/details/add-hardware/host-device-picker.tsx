import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { relateNodeDevices } from '../../../shared/api/node-device-relations';
import type { NodeDeviceView } from '../../../shared/api/node-devices';
import {
  assignedPciAddresses,
  checkPciAssignment,
  groupPartners,
  type HostDeviceFacts,
} from '../../../shared/domain-edit/hardware/host-device-checks';
import type { XmlDocument } from '../../../shared/xml/document';
import { useStoreState, useStores } from '../../common/stores-context';
import { useDeviceUsersText } from '../../node-devices/device-users-text';

export type HostDeviceKind = 'pci-host' | 'usb-host' | 'mdev' | 'vf';

/** The host's devices of one kind, joined with the VMs (who uses what, IOMMU groups, SR-IOV). */
export function useHostDeviceFacts(
  hostId: string,
  uuid: string,
): HostDeviceFacts & { loading: boolean; notice?: string } {
  const { nodeDevices } = useStores();
  const listed = useStoreState('nodeDevices', (s) => s.byHost[hostId]);
  const notice = useStoreState('nodeDevices', (s) => s.listing[hostId]?.notice);
  const domains = useStoreState('domains', (s) => s.byHost[hostId]);
  useEffect(() => {
    if (!listed) void nodeDevices.getState().load(hostId);
  }, [nodeDevices, hostId, listed]);
  return useMemo(() => {
    const all = Object.values(domains ?? {});
    const related = relateNodeDevices(Object.values(listed ?? {}), all);
    return {
      ...related,
      others: all
        .filter((d) => d.uuid !== uuid)
        .map((d) => ({
          uuid: d.uuid,
          name: d.name,
          running: d.state !== 'shut off' && d.state !== 'crashed',
          hostDevices: d.hostDevices,
          definedHostDevices: d.definedHostDevices,
        })),
      loading: !listed,
      ...(notice ? { notice } : {}),
    };
  }, [listed, domains, uuid, notice]);
}

const matches = (kind: HostDeviceKind, d: NodeDeviceView) =>
  kind === 'pci-host'
    ? d.kind === 'pci'
    : kind === 'vf'
      ? d.kind === 'pci' && d.pci?.sriov?.physicalFunction !== undefined
      : kind === 'usb-host'
        ? d.kind === 'usb_device'
        : d.kind === 'mdev';

/** What a device's choice sets in the new device's settings. */
export function settingsFor(kind: HostDeviceKind, d: NodeDeviceView): Record<string, string> {
  if (kind === 'usb-host') return { usbVendor: d.vendor?.id ?? '', usbProduct: d.product?.id ?? '' };
  if (kind === 'mdev') return { mdevUuid: d.mdev?.uuid ?? '' };
  return { sourcePci: d.pci?.address ?? '' };
}

/**
 * A list of the host's devices to choose from: name, product and vendor, driver, IOMMU group with
 * every member, SR-IOV relations and "in use by"; for a PCI function the group checks as you choose.
 */
export function HostDevicePicker({
  kind,
  facts,
  selected,
  onSelect,
  wholeGroup,
  onWholeGroup,
  managed,
  doc,
}: {
  kind: HostDeviceKind;
  facts: ReturnType<typeof useHostDeviceFacts>;
  selected: string | undefined;
  onSelect: (device: NodeDeviceView) => void;
  wholeGroup: boolean;
  onWholeGroup: (value: boolean) => void;
  managed: boolean;
  doc: XmlDocument;
}) {
  const { t } = useTranslation();
  const usersText = useDeviceUsersText();
  const devices = facts.devices.filter((d) => matches(kind, d));
  const chosen = devices.find((d) => d.name === selected);
  const address = chosen?.pci?.address;
  const partners = address && kind !== 'vf' ? groupPartners(address, facts) : [];
  const check = address
    ? checkPciAssignment(
        [address, ...(wholeGroup ? partners : [])].map((a) => ({
          address: a,
          managed,
          field: 'new.sourcePci',
        })),
        new Set([...assignedPciAddresses(doc), address, ...(wholeGroup ? partners : [])]),
        facts,
      )
    : { problems: [], warnings: [] };
  if (facts.loading) return <p role="status">{t('hardware.host.loading')}</p>;
  return (
    <div className="host-device-picker">
      {facts.notice && <p className="field-note">{facts.notice}</p>}
      {devices.length === 0 ? (
        <p>{kind === 'vf' ? t('hardware.network.noVfs') : t('hardware.host.none')}</p>
      ) : (
        <fieldset>
          <legend>{kind === 'vf' ? t('hardware.network.vf') : t('hardware.host.device')}</legend>
          {devices.map((d) => {
            const group = d.pci?.iommuGroup;
            const facts2 = [
              d.pci?.address ?? d.mdev?.uuid ?? (d.usb ? `${d.usb.bus}.${d.usb.device}` : ''),
              [d.product?.name ?? d.product?.id, d.vendor?.name ?? d.vendor?.id].filter(Boolean).join(' — '),
              d.driver ? t('hardware.host.driver', { driver: d.driver }) : '',
              d.pci
                ? group
                  ? t('hardware.host.group', { number: group.number, members: group.members.join(', ') })
                  : t('hardware.host.noGroup')
                : '',
              d.physicalFunctionName ? t('hardware.host.vfOf', { pf: d.physicalFunctionName }) : '',
              d.virtualFunctionNames.length > 0
                ? t('hardware.host.vfs', { count: d.virtualFunctionNames.length })
                : '',
              d.usedBy.length > 0 ? t('hardware.host.usedBy', { names: usersText(d.usedBy) }) : '',
            ].filter(Boolean);
            return (
              <label key={d.name} className="host-device-row">
                <input
                  type="radio"
                  name="host-device"
                  checked={d.name === selected}
                  onChange={() => onSelect(d)}
                />
                <span>
                  <strong>{d.name}</strong> {facts2.join(' · ')}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
      {partners.length > 0 && (
        <label>
          <input type="checkbox" checked={wholeGroup} onChange={(e) => onWholeGroup(e.target.checked)} />{' '}
          {t('hardware.host.wholeGroup', { members: partners.join(', ') })}
        </label>
      )}
      {check.problems.length > 0 && (
        <ul role="alert" className="form-problems">
          {check.problems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      )}
      {check.warnings.length > 0 && (
        <ul className="form-warnings">
          {check.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
