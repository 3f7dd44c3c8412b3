import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IommuGroup, NodeDeviceView } from '../../shared/api/node-devices';
import { useDeviceUsersText } from './device-users-text';

/** Select another device (an IOMMU group member, an SR-IOV partner) by its name. */
type Go = (name: string) => void;

const DeviceLink = ({ name, onGo }: { name: string; onGo: Go }) => (
  <button type="button" className="link mono" onClick={() => onGo(name)}>
    {name}
  </button>
);

function Facts({ device }: { device: NodeDeviceView }) {
  const { t } = useTranslation();
  const usersText = useDeviceUsersText();
  const rows: [string, ReactNode][] = [];
  const add = (key: string, value: ReactNode | undefined) => {
    if (value !== undefined && value !== '') rows.push([t(`nodeDevices.details.${key}`), value]);
  };
  add('kind', t(`nodeDevices.kinds.${device.kind}`, { defaultValue: device.kind }));
  add('vendor', [device.vendor?.name, device.vendor?.id].filter(Boolean).join(' · '));
  add('product', [device.product?.name, device.product?.id].filter(Boolean).join(' · '));
  add('driver', device.driver ?? t('nodeDevices.details.noDriver'));
  add('pciAddress', device.pci?.address);
  add('pciClass', device.pci?.class);
  add('parent', device.parent);
  add('interface', device.net && [device.net.interface, device.net.mac].filter(Boolean).join(' · '));
  add('link', device.net?.link);
  add('block', device.storage?.block);
  add('size', device.storage?.sizeBytes !== undefined ? `${device.storage.sizeBytes} B` : undefined);
  add('usb', device.usb && `${device.usb.bus} / ${device.usb.device}`);
  add(
    'scsi',
    device.scsi && `${device.scsi.host}:${device.scsi.bus}:${device.scsi.target}:${device.scsi.lun}`,
  );
  add('mdevType', device.mdev?.type);
  add('capabilities', device.capabilities.join(', '));
  add('usedBy', usersText(device.usedBy) || t('nodeDevices.unused'));
  return (
    <dl className="host-overview device-facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function GroupMembers({ device, group, onGo }: { device: NodeDeviceView; group: IommuGroup; onGo: Go }) {
  const { t } = useTranslation();
  const usersText = useDeviceUsersText();
  const title = t('nodeDevices.details.groupTitle', { number: group.number });
  const empty = t('nodeDevices.emptyValue');
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <p className="hint">{t('nodeDevices.details.groupHint')}</p>
      <table className="pool-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t('nodeDevices.address')}</th>
            <th scope="col">{t('nodeDevices.details.member')}</th>
            <th scope="col">{t('nodeDevices.description')}</th>
            <th scope="col">{t('nodeDevices.driver')}</th>
            <th scope="col">{t('nodeDevices.usedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {group.members.map((m) => (
            <tr key={m.address} aria-label={m.device ?? m.address}>
              <td className="mono">{m.address}</td>
              <td>
                {m.device === device.name ? (
                  t('nodeDevices.details.thisDevice', { name: m.device })
                ) : m.device ? (
                  <DeviceLink name={m.device} onGo={onGo} />
                ) : (
                  t('nodeDevices.details.notListed')
                )}
              </td>
              <td>{m.product ?? empty}</td>
              <td className="mono">{m.driver ?? empty}</td>
              <td>{usersText(m.usedBy) || empty}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Sriov({ device, onGo }: { device: NodeDeviceView; onGo: Go }) {
  const { t } = useTranslation();
  const sriov = device.pci?.sriov;
  if (!sriov) return null;
  const title = t('nodeDevices.details.sriovTitle');
  const isPf = device.capabilities.includes('virt_functions');
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <dl className="host-overview">
        {device.physicalFunctionName && (
          <div className="fact">
            <dt>{t('nodeDevices.details.physicalFunction')}</dt>
            <dd>
              <DeviceLink name={device.physicalFunctionName} onGo={onGo} />
            </dd>
          </div>
        )}
        {isPf && (
          <div className="fact">
            <dt>
              {sriov.maxVirtualFunctions !== undefined
                ? t('nodeDevices.details.virtualFunctionsMax', {
                    count: sriov.virtualFunctions.length,
                    max: sriov.maxVirtualFunctions,
                  })
                : t('nodeDevices.details.virtualFunctions')}
            </dt>
            <dd>
              {device.virtualFunctionNames.length === 0
                ? t('nodeDevices.details.noVirtualFunctions')
                : device.virtualFunctionNames.map((name) => (
                    <DeviceLink key={name} name={name} onGo={onGo} />
                  ))}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** Everything about one device: its facts, its whole IOMMU group, its SR-IOV partners, its users. */
export function DeviceDetails({
  device,
  group,
  onGo,
  actions,
}: {
  device: NodeDeviceView;
  group: IommuGroup | undefined;
  onGo: Go;
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const title = t('nodeDevices.details.title', { name: device.name });
  return (
    <section aria-label={title} className="device-details">
      <h3>{title}</h3>
      {actions}
      <Facts device={device} />
      {group ? (
        <GroupMembers device={device} group={group} onGo={onGo} />
      ) : (
        device.kind === 'pci' && <p className="hint">{t('nodeDevices.details.noGroup')}</p>
      )}
      <Sriov device={device} onGo={onGo} />
    </section>
  );
}
