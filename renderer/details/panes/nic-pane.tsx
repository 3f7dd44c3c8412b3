import { useEffect, useMemo } from 'react';
import { readDevice } from '../../../shared/xml/views/devices/device-views';
import { useStoreState, useStores } from '../../common/stores-context';
import { detailsKey } from '../details-store';
import { useDetailsT } from '../details-strings';
import type { FieldDef } from '../field-defs';
import { FieldForm } from '../field-form';
import { nicFieldsFor } from '../pane-fields';
import type { PaneProps } from './pane-props';

/** A NIC: source, model, MAC (checked), link state (live), and the guest's IP addresses. */
export function NicPane(props: PaneProps) {
  const t = useDetailsT();
  const { details } = useStores();
  const key = props.item.deviceKey!;
  const mac = readDevice(props.doc, 'interface', key)?.mac?.toLowerCase();
  const addresses = useStoreState('details', (s) => s.addresses[detailsKey(props.hostId, props.uuid)]);
  const load = () => void details.getState().loadAddresses(props.hostId, props.uuid);
  useEffect(() => {
    if (props.running) void details.getState().loadAddresses(props.hostId, props.uuid);
  }, [details, props.hostId, props.uuid, props.running]);
  const defs = useMemo<FieldDef[]>(
    () => [
      ...nicFieldsFor(key),
      {
        on: { target: 'device', kind: 'interface', key },
        key: 'linkState',
        label: 'linkUp',
        input: 'select',
        options: ['up', 'down'],
      },
    ],
    [key],
  );
  const mine = (addresses ?? []).filter((a) => a.mac.toLowerCase() === mac);
  return (
    <FieldForm {...props} defs={defs}>
      <section aria-label={t('guestAddresses')} className="guest-addresses">
        <h4>{t('guestAddresses')}</h4>
        {mine.length > 0 ? (
          <ul>
            {mine.map((a) => (
              <li key={a.address}>
                {a.address} ({a.source})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noAddresses')}</p>
        )}
        <button type="button" disabled={!props.running} onClick={load}>
          {t('refreshAddresses')}
        </button>
      </section>
    </FieldForm>
  );
}
