import { useEffect, useMemo, useState } from 'react';
import type { EditChange } from '../../../shared/api/domain-edit';
import {
  nicSourceOf,
  nicSourcePatch,
  type NicSourceChoice,
} from '../../../shared/domain-edit/source-patches';
import { readDevice } from '../../../shared/xml/views/devices/device-views';
import { useStoreState, useStores } from '../../common/stores-context';
import { detailsKey } from '../details-store';
import { useDetailsT } from '../details-strings';
import type { FieldDef } from '../field-defs';
import { FieldForm } from '../field-form';
import { nicFieldsFor } from '../pane-fields';
import { NicSourcePicker } from './nic-source';
import type { PaneProps } from './pane-props';

/** A NIC: source, model, MAC (checked), link state (live), and the guest's IP addresses. */
export function NicPane(props: PaneProps) {
  const t = useDetailsT();
  const { details } = useStores();
  const key = props.item.deviceKey!;
  const nic = readDevice(props.doc, 'interface', key);
  const mac = nic?.mac?.toLowerCase();
  const current = nicSourceOf(nic ?? {});
  const [choice, setChoice] = useState<NicSourceChoice>();
  useEffect(() => setChoice(undefined), [props.doc]);
  const complete =
    choice &&
    !(choice.kind === 'bridge' && choice.bridge.trim() === '') &&
    !(choice.kind === 'direct' && choice.dev.trim() === '');
  const changes: EditChange[] = complete
    ? [{ target: 'device', kind: 'interface', key, patch: nicSourcePatch(choice) }]
    : [];
  const sourcePending = props.pending.some(
    (p) => p.startsWith(`device:${key}.source`) || p === `device:${key}.type`,
  );
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
    <FieldForm {...props} defs={defs} extra={{ changes, reset: () => setChoice(undefined) }}>
      <NicSourcePicker
        hostId={props.hostId}
        current={current}
        choice={choice}
        onChoice={setChoice}
        note={sourcePending ? t('nextShutdown') : undefined}
      />
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
