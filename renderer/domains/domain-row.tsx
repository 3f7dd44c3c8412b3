import { memo, type MouseEvent } from 'react';
import { useStoreState } from '../common/stores-context';
import { sparklineLength } from '../stores/ring-buffer';
import { latestValue } from '../stores/stats-store';
import { actionIdOf } from '../stores/action-rules';
import type { RowLabels } from './row-labels';
import { Sparkline } from './sparkline';
import { StateIcon } from './state-icon';
import type { DomainRow as DomainRowModel } from './visible-rows';

export type RowEvents = {
  onRowClick: (rowId: string, event: MouseEvent) => void;
  onRowContextMenu: (rowId: string, event: MouseEvent) => void;
  onRowDoubleClick?: (rowId: string) => void;
};

type Props = RowEvents & {
  row: DomainRowModel;
  domId: string;
  rowIndex: number;
  selected: boolean;
  tabbable: boolean;
  /** Position in the virtualised body (numbers, not a style object, so that memo holds). */
  top: number;
  height: number;
  labels: RowLabels;
};

/** One VM: state icon, name (title first), state, vCPUs, memory, CPU and memory sparklines. */
export const DomainRow = memo(function DomainRow({
  row,
  domId,
  rowIndex,
  selected,
  tabbable,
  top,
  height,
  labels,
  ...events
}: Props) {
  const domain = useStoreState('domains', (state) => state.byHost[row.hostId]?.[row.uuid]);
  const busy = useStoreState('domains', (state) => state.busy[row.key]);
  const series = useStoreState('stats', (state) => state.byKey[row.key]);
  if (!domain) return null;
  const title = domain.title?.trim();
  const cpu = latestValue(series, 'cpuPercent');
  const memoryUsed = latestValue(series, 'memoryKiB');
  const memoryValues = series?.history.tail('memoryKiB', sparklineLength) ?? [];
  const busyLabel = busy ? labels.busy(actionIdOf(busy)) : '';
  const stateLabel = labels.state(domain.state);

  return (
    <div
      role="row"
      id={domId}
      data-row-id={row.id}
      aria-label={domain.name}
      aria-selected={selected}
      aria-level={2}
      aria-rowindex={rowIndex}
      aria-busy={busy ? true : undefined}
      tabIndex={tabbable ? 0 : -1}
      className={`list-row domain-row${selected ? ' selected' : ''}${busy ? ' busy' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(event) => events.onRowClick(row.id, event)}
      onDoubleClick={() => events.onRowDoubleClick?.(row.id)}
      onContextMenu={(event) => events.onRowContextMenu(row.id, event)}
    >
      <div role="gridcell" className="cell cell-name">
        <StateIcon state={domain.state} label={stateLabel} />
        <span className="name-text">
          <span className="name-primary">{title || domain.name}</span>
          {title && <span className="name-secondary">{domain.name}</span>}
        </span>
      </div>
      <div role="gridcell" className="cell cell-state">
        {stateLabel}
        {domain.pendingChanges && (
          <span className="pending-marker" title={labels.pendingMarker}>
            {' '}
            ⟳<span className="sr-only">{labels.pendingMarker}</span>
          </span>
        )}
        {busy && (
          <span className="spinner" title={busyLabel}>
            <span className="sr-only">{busyLabel}</span>
          </span>
        )}
      </div>
      <div role="gridcell" className="cell cell-number">
        {domain.vcpus ?? labels.noValue}
      </div>
      <div role="gridcell" className="cell cell-number">
        {labels.memory(domain.memoryKiB)}
      </div>
      <div role="gridcell" className="cell cell-graph">
        <Sparkline
          values={series?.history.tail('cpuPercent', sparklineLength) ?? []}
          max={100}
          className="cpu"
          label={labels.cpuUsage(cpu)}
        />
        <span className="graph-value" aria-hidden="true">
          {cpu === undefined ? '' : `${Math.round(cpu)}%`}
        </span>
      </div>
      <div role="gridcell" className="cell cell-graph">
        <Sparkline
          values={memoryValues}
          max={domain.maxMemoryKiB ?? domain.memoryKiB ?? Math.max(0, ...memoryValues)}
          className="memory"
          label={labels.memoryUsage(memoryUsed)}
        />
      </div>
    </div>
  );
});
