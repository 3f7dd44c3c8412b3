import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../../shared/api/pools';
import { useFormatMemory } from '../../domains/use-format-memory';

/** The pools as a grid: one row each, arrow keys move the selection. */
export function PoolTable({
  pools,
  selected,
  onSelect,
}: {
  pools: readonly PoolSummary[];
  selected: string | null;
  onSelect: (uuid: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatMemory();
  const bytes = (n: number) => format(n / 1024);
  const current = pools.findIndex((p) => p.uuid === selected);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = pools[Math.min(pools.length - 1, Math.max(0, current + step))];
    if (!next) return;
    onSelect(next.uuid);
    event.currentTarget.querySelector<HTMLElement>(`[data-uuid="${next.uuid}"]`)?.focus();
  };

  return (
    <table role="grid" aria-label={t('pools.list')} className="pool-table">
      <thead>
        <tr>
          <th scope="col">{t('pools.name')}</th>
          <th scope="col">{t('pools.type')}</th>
          <th scope="col">{t('pools.state')}</th>
          <th scope="col">{t('pools.autostart')}</th>
          <th scope="col">{t('pools.size')}</th>
          <th scope="col">{t('pools.target')}</th>
        </tr>
      </thead>
      <tbody onKeyDown={onKeyDown}>
        {pools.map((pool, i) => {
          const isSelected = pool.uuid === selected;
          return (
            <tr
              key={pool.uuid}
              data-uuid={pool.uuid}
              aria-selected={isSelected}
              aria-label={pool.name}
              tabIndex={isSelected || (current === -1 && i === 0) ? 0 : -1}
              className={isSelected ? 'selected' : undefined}
              onClick={() => onSelect(pool.uuid)}
              onFocus={() => current === -1 && onSelect(pool.uuid)}
            >
              <td>{pool.name}</td>
              <td>{pool.type}</td>
              <td>{t(`pools.states.${pool.state}`)}</td>
              <td>{pool.autostart ? t('pools.yes') : t('pools.no')}</td>
              <td>
                <meter
                  min={0}
                  max={pool.capacity || 1}
                  value={pool.allocation}
                  aria-label={t('pools.usageBar', { name: pool.name })}
                />{' '}
                <span className="pool-usage">
                  {t('pools.usage', {
                    allocation: bytes(pool.allocation),
                    capacity: bytes(pool.capacity),
                    available: bytes(pool.available),
                  })}
                </span>
              </td>
              <td className="mono">{pool.targetPath ?? t('list.noValue')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
