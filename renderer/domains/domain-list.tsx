import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import { HostContextMenu } from '../hosts/host-context-menu';
import { HostRow } from '../hosts/host-row';
import { DomainContextMenu } from './domain-context-menu';
import { DomainRow } from './domain-row';
import { ListFilters } from './list-filters';
import { ListHeader } from './list-header';
import { rowDomId } from './row-dom-id';
import { useRowLabels } from './row-labels';
import { StatsWatchers } from './stats-watchers';
import { useRowInteractions } from './use-row-interactions';
import { useVisibleRows } from './use-visible-rows';

const hostRowHeight = 44;
const domainRowHeight = 34;

/** Hosts and their VMs as one virtualised treegrid: only the rows in view are in the DOM. */
export function DomainList() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const rows = useVisibleRows();
  const labels = useRowLabels();
  const scrollRef = useRef<HTMLDivElement>(null);
  const selection = useStoreState('ui', (state) => state.selection);
  const focusedRow = useStoreState('ui', (state) => state.focusedRow);
  const filtering = useStoreState(
    'ui',
    (state) => state.filterText.trim() !== '' || state.stateFilter !== 'all',
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'host' ? hostRowHeight : domainRowHeight),
    getItemKey: (index) => rows[index]?.id ?? index,
    // Rows beyond the view drawn ahead of a scroll; each costs the first screen of a big host time.
    overscan: 4,
  });
  const interactions = useRowInteractions(rows, virtualizer);

  // Actions apply only to what the user can see: drop VMs hidden by a filter, a collapse or a disconnect.
  useEffect(() => {
    const visible = new Set(rows.flatMap((row) => (row.kind === 'domain' ? [row.key] : [])));
    ui.getState().pruneSelection((key) => visible.has(key));
  }, [rows, ui]);
  const tabbableRow = rows.some((row) => row.id === focusedRow) ? focusedRow : rows[0]?.id;
  const noMatches = filtering && !rows.some((row) => row.kind === 'domain');

  return (
    <section className="domain-list">
      <StatsWatchers />
      <ListFilters />
      <div
        role="treegrid"
        aria-label={t('list.label')}
        aria-multiselectable="true"
        aria-rowcount={rows.length + 1}
        className="list"
        onKeyDown={interactions.onKeyDown}
      >
        <ListHeader />
        <div ref={scrollRef} className="list-scroll">
          <div role="rowgroup" className="list-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const common = {
                domId: rowDomId(row.id),
                rowIndex: item.index + 2,
                tabbable: row.id === tabbableRow,
                onRowClick: interactions.onRowClick,
                onRowDoubleClick: interactions.onRowDoubleClick,
                onRowContextMenu: interactions.onRowContextMenu,
              };
              return row.kind === 'host' ? (
                <HostRow
                  key={row.id}
                  row={row}
                  onToggle={interactions.toggleHost}
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                  {...common}
                />
              ) : (
                <DomainRow
                  key={row.id}
                  row={row}
                  selected={selection.has(row.key)}
                  top={item.start}
                  height={item.size}
                  labels={labels}
                  {...common}
                />
              );
            })}
          </div>
          {noMatches && <p className="list-empty">{t('list.noMatches')}</p>}
        </div>
      </div>
      {interactions.menu?.kind === 'domain' && (
        <DomainContextMenu position={interactions.menu.position} onClose={interactions.closeMenu} />
      )}
      {interactions.menu?.kind === 'host' && (
        <HostContextMenu
          hostId={interactions.menu.hostId}
          position={interactions.menu.position}
          onClose={interactions.closeMenu}
        />
      )}
    </section>
  );
}
