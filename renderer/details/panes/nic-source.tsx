import { useEffect, useId } from 'react';
import type { NicSourceChoice } from '../../../shared/domain-edit/source-patches';
import { useStoreState, useStores } from '../../common/stores-context';
import { useDetailsT } from '../details-strings';
import { nicSourceOptions, optionValueOf } from '../nic-source-options';

const MODES = ['vepa', 'bridge', 'private', 'passthrough'] as const;

/**
 * A NIC's source: a virtual network of the host, a bridge, or macvtap on a host interface (the
 * networks store: its networks and the host's interfaces). `choice` undefined = unchanged.
 */
export function NicSourcePicker(props: {
  hostId: string;
  current: NicSourceChoice | { kind: 'other'; type: string };
  choice: NicSourceChoice | undefined;
  onChoice(choice: NicSourceChoice | undefined): void;
  note?: string | undefined;
}) {
  const t = useDetailsT();
  const id = useId();
  const { networks } = useStores();
  const byUuid = useStoreState('networks', (s) => s.byHost[props.hostId]);
  const interfaces = useStoreState('networks', (s) => s.interfaces[props.hostId]);
  useEffect(() => {
    void networks.getState().load(props.hostId);
    void networks
      .getState()
      .loadInterfaces(props.hostId)
      .catch(() => undefined);
  }, [networks, props.hostId]);
  const shown = props.choice ?? props.current;
  const options = nicSourceOptions(Object.values(byUuid ?? {}), interfaces ?? [], props.current);
  const listed = (value: string) => options.some((o) => o.value === value);
  const direct = optionValueOf(shown);
  const selected = shown.kind === 'direct' && !listed(direct) ? 'direct' : optionValueOf(shown);
  /** The choice, or undefined when it is the NIC's source as it is. */
  const set = (c: NicSourceChoice) =>
    props.onChoice(JSON.stringify(c) === JSON.stringify(props.current) ? undefined : c);
  const pick = (value: string) => {
    const mode = shown.kind === 'direct' ? shown.mode : 'vepa';
    if (value.startsWith('network:')) set({ kind: 'network', network: value.slice('network:'.length) });
    else if (value === 'bridge')
      set({ kind: 'bridge', bridge: props.current.kind === 'bridge' ? props.current.bridge : '' });
    else if (value.startsWith('direct:')) set({ kind: 'direct', dev: value.slice('direct:'.length), mode });
    else if (value === 'direct') set({ kind: 'direct', dev: '', mode });
    else props.onChoice(undefined);
  };
  return (
    <fieldset className="nic-source">
      <legend>{t('sourceType')}</legend>
      <div className="field-row">
        <label htmlFor={`${id}-source`}>{t('sourceType')}</label>
        <select
          id={`${id}-source`}
          value={selected}
          aria-describedby={props.note ? `${id}-note` : undefined}
          onChange={(e) => pick(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.label, o.values)}
            </option>
          ))}
        </select>
      </div>
      {shown.kind === 'bridge' && (
        <div className="field-row">
          <label htmlFor={`${id}-bridge`}>{t('bridgeName')}</label>
          <input
            id={`${id}-bridge`}
            value={shown.bridge}
            onChange={(e) => set({ kind: 'bridge', bridge: e.target.value })}
          />
        </div>
      )}
      {shown.kind === 'direct' && selected === 'direct' && (
        <div className="field-row">
          <label htmlFor={`${id}-dev`}>{t('directDevice')}</label>
          <input
            id={`${id}-dev`}
            value={shown.dev}
            onChange={(e) => set({ ...shown, dev: e.target.value })}
          />
        </div>
      )}
      {shown.kind === 'direct' && (
        <div className="field-row">
          <label htmlFor={`${id}-mode`}>{t('sourceMode')}</label>
          <select
            id={`${id}-mode`}
            value={shown.mode}
            onChange={(e) => set({ ...shown, mode: e.target.value as (typeof MODES)[number] })}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.note && (
        <span id={`${id}-note`} className="field-note">
          {props.note}
        </span>
      )}
    </fieldset>
  );
}
