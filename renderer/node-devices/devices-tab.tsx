import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relateNodeDevices } from '../../shared/api/node-device-relations';
import type { NodeDeviceAction } from '../../shared/api/node-devices';
import { toApiError } from '../api/api-error-from';
import { useStoreState, useStores } from '../common/stores-context';
import { DeviceActionDialog } from './device-action-dialog';
import { DeviceDetails } from './device-details';
import { filterDevices, groupByKind, kindCounts } from './device-rows';
import { DeviceTable } from './device-table';
import { DeviceXmlDialog } from './device-xml-dialog';

type DeviceDialog = NodeDeviceAction | 'xml' | null;

/**
 * The host details window's Devices tab: the host's node devices in sections by kind, filterable;
 * the selected device's facts, whole IOMMU group, SR-IOV partners and the VMs using it (joined here
 * with the VM list, so "in use by" follows the VMs live); detach / reattach with a confirmation.
 */
export function DevicesTab({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const { nodeDevices: store } = useStores();
  const byName = useStoreState('nodeDevices', (s) => s.byHost[hostId]);
  const listing = useStoreState('nodeDevices', (s) => s.listing[hostId]);
  const domains = useStoreState('domains', (s) => s.byHost[hostId]);
  const [kind, setKind] = useState('all');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DeviceDialog>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(
    (refresh: boolean) => {
      setFailure(null);
      store
        .getState()
        .load(hostId, refresh)
        .catch((error: unknown) => setFailure(toApiError(error).message));
    },
    [store, hostId],
  );
  useEffect(() => load(false), [load]);

  const related = useMemo(
    () => relateNodeDevices(Object.values(byName ?? {}), Object.values(domains ?? {})),
    [byName, domains],
  );
  const sections = useMemo(
    () => groupByKind(filterDevices(related.devices, kind, text)),
    [related, kind, text],
  );
  const kinds = useMemo(() => kindCounts(related.devices), [related]);
  const device = related.devices.find((d) => d.name === selected);
  const groupNumber = device?.pci?.iommuGroup?.number;
  const group = related.groups.find((g) => g.number === groupNumber);
  const busy = useStoreState('nodeDevices', (s) => (device ? s.busy[`${hostId}/${device.name}`] : undefined));

  const actions = device && (
    <div role="toolbar" aria-label={t('nodeDevices.toolbar')} className="pool-toolbar">
      {device.kind === 'pci' &&
        (['detach', 'reattach'] as const).map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'detach' ? 'danger' : undefined}
            disabled={busy !== undefined}
            onClick={() => setDialog(action)}
          >
            {t(`nodeDevices.actions.${action}`)}
          </button>
        ))}
      <button type="button" onClick={() => setDialog('xml')}>
        {t('nodeDevices.details.showXml')}
      </button>
    </div>
  );

  return (
    <div className="devices-tab">
      <div className="pool-toolbar">
        <label>
          {t('nodeDevices.kindFilter')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="all">{t('nodeDevices.allKinds', { count: related.devices.length })}</option>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {t('nodeDevices.kindCount', {
                  kind: t(`nodeDevices.kinds.${k.kind}`, { defaultValue: k.kind }),
                  count: k.count,
                })}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          aria-label={t('nodeDevices.textFilter')}
          placeholder={t('nodeDevices.textFilter')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" onClick={() => load(true)}>
          {t('nodeDevices.refresh')}
        </button>
      </div>
      {failure && <p role="alert">{t('nodeDevices.listFailed', { message: failure })}</p>}
      {listing?.notice && (
        <p role="status" className="notice libvirt-message">
          {listing.notice}
        </p>
      )}
      {listing && !listing.live && <p className="hint">{t('nodeDevices.notLive')}</p>}
      {!listing && !failure ? (
        <p className="loading">{t('nodeDevices.loading')}</p>
      ) : sections.length === 0 ? (
        <p>{t('nodeDevices.none')}</p>
      ) : (
        <DeviceTable sections={sections} selected={device?.name ?? null} onSelect={setSelected} />
      )}
      {device && <DeviceDetails device={device} group={group} onGo={setSelected} actions={actions} />}
      {device && (dialog === 'detach' || dialog === 'reattach') && (
        <DeviceActionDialog
          hostId={hostId}
          device={device}
          group={group}
          action={dialog}
          onClose={() => setDialog(null)}
        />
      )}
      {device && dialog === 'xml' && (
        <DeviceXmlDialog hostId={hostId} name={device.name} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
