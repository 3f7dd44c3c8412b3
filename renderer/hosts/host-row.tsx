import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { describeConnection } from '../../shared/api/hosts';
import { useStoreState, useStores } from '../common/stores-context';
import type { RowEvents } from '../domains/domain-row';
import type { HostRow as HostRowModel } from '../domains/visible-rows';
import { hostDisplayName } from '../stores/display-names';
import { hostStateText } from './host-state-text';
import { useRetryCountdown } from './use-retry-countdown';

type Props = RowEvents & {
  row: HostRowModel;
  domId: string;
  rowIndex: number;
  tabbable: boolean;
  style: CSSProperties;
  onToggle: (hostId: string) => void;
};

/** A host as a parent row: name, connection label, state, VM count and Connect / Disconnect. */
export const HostRow = memo(function HostRow({
  row,
  domId,
  rowIndex,
  tabbable,
  style,
  onToggle,
  ...events
}: Props) {
  const { t, i18n } = useTranslation();
  const { hosts, hostWindows, wizard } = useStores();
  const view = useStoreState('hosts', (state) => state.byId[row.hostId]);
  const busy = useStoreState('hosts', (state) => state.busy[row.hostId]);
  const collapsed = useStoreState('ui', (state) => state.collapsedHosts[row.hostId] === true);
  const count = useStoreState('domains', (state) => Object.keys(state.byHost[row.hostId] ?? {}).length);
  const status = useRetryCountdown(view?.status);
  if (!view || !status) return null;
  const { state } = view.status;
  const connected = state === 'connected';
  const canDisconnect = connected || state === 'connecting' || state === 'retrying';
  const expanded = connected && !collapsed;

  return (
    <div
      role="row"
      id={domId}
      data-row-id={row.id}
      aria-label={hostDisplayName(view.config)}
      aria-expanded={expanded}
      aria-level={1}
      aria-rowindex={rowIndex}
      aria-busy={busy ? true : undefined}
      tabIndex={tabbable ? 0 : -1}
      className={`list-row host-row host-${state}`}
      style={style}
      onClick={(event) => events.onRowClick(row.id, event)}
      onDoubleClick={() => events.onRowDoubleClick?.(row.id)}
      onContextMenu={(event) => events.onRowContextMenu(row.id, event)}
    >
      <div role="gridcell" className="cell cell-host-name">
        <span
          className={`chevron${expanded ? ' open' : ''}${connected ? '' : ' hidden'}`}
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            onToggle(row.hostId);
          }}
        >
          ▸
        </span>
        <span className="name-text">
          <span className="name-primary">{hostDisplayName(view.config)}</span>
          <span className="name-secondary mono">{describeConnection(view.config)}</span>
        </span>
      </div>
      <div role="gridcell" className={`cell cell-host-state state-text-${state}`}>
        {state === 'connecting' && <span className="spinner" aria-hidden="true" />}
        {hostStateText(t, status, i18n.language)}
        {view.status.notes && view.status.notes.length > 0 && (
          <span className="host-note" title={view.status.notes.join('\n')}>
            {t('hosts.notes', { notes: view.status.notes.join(' · ') })}
          </span>
        )}
      </div>
      <div role="gridcell" className="cell cell-host-count">
        {connected ? t('list.vmCount', { count }) : ''}
      </div>
      <div role="gridcell" className="cell cell-host-actions">
        {connected && (
          <button
            type="button"
            aria-label={t('wizard.openOnHost', { name: hostDisplayName(view.config) })}
            onClick={(event) => {
              event.stopPropagation();
              wizard.getState().show(row.hostId);
            }}
          >
            {t('wizard.open')}
          </button>
        )}
        <button
          type="button"
          aria-label={t('hostDetails.openFor', { name: hostDisplayName(view.config) })}
          onClick={(event) => {
            event.stopPropagation();
            hostWindows.getState().show(row.hostId);
          }}
        >
          {t('hostDetails.open')}
        </button>
        {canDisconnect ? (
          <button
            type="button"
            disabled={busy === 'disconnect'}
            onClick={(event) => {
              event.stopPropagation();
              void hosts.getState().disconnect(row.hostId);
            }}
          >
            {t('hosts.disconnect')}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={(event) => {
              event.stopPropagation();
              void hosts.getState().connect(row.hostId);
            }}
          >
            {t('hosts.connect')}
          </button>
        )}
      </div>
    </div>
  );
});
