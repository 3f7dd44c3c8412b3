import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import { stateFilters, type StateFilter } from '../stores/ui-store';

/** The Filter box (name or title) and the State select. */
export function ListFilters() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const filterText = useStoreState('ui', (state) => state.filterText);
  const stateFilter = useStoreState('ui', (state) => state.stateFilter);
  return (
    <div className="list-filters" role="search">
      <label className="inline-field">
        <span>{t('list.filter')}</span>
        <input
          type="search"
          value={filterText}
          placeholder={t('list.filterPlaceholder')}
          onChange={(event) => ui.getState().setFilterText(event.target.value)}
        />
      </label>
      <label className="inline-field">
        <span>{t('list.stateFilter')}</span>
        <select
          value={stateFilter}
          onChange={(event) => ui.getState().setStateFilter(event.target.value as StateFilter)}
        >
          {stateFilters.map((filter) => (
            <option key={filter} value={filter}>
              {t(`list.stateFilters.${filter}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
