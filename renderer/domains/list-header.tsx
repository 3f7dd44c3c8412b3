import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import type { SortColumn } from '../stores/ui-store';

const sortable: readonly SortColumn[] = ['name', 'state', 'vcpus', 'memory', 'cpu'];

/** Column headers; the sortable ones are buttons that sort (again: reverse). */
export function ListHeader() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const sort = useStoreState('ui', (state) => state.sort);
  return (
    <div role="rowgroup" className="list-head">
      <div role="row" aria-rowindex={1} className="list-row header-row">
        {sortable.map((column) => {
          const active = sort.column === column;
          return (
            <div
              key={column}
              role="columnheader"
              className={`cell cell-head cell-${column}`}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className="sort-button" onClick={() => ui.getState().sortBy(column)}>
                {t(`list.columns.${column}`)}
                <span className="sort-mark" aria-hidden="true">
                  {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
        <div role="columnheader" className="cell cell-head cell-memoryUsage">
          {t('list.columns.memoryUsage')}
        </div>
      </div>
    </div>
  );
}
