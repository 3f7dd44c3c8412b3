import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeView } from '../../../shared/api/volumes';
import { useFormatBytes } from '../../i18n/use-format-bytes';

const ROW_HEIGHT = 30;
const COLUMNS = ['name', 'format', 'capacity', 'allocation', 'path', 'usedBy'] as const;

/** The volumes as a virtualised single-select grid: only the rows in view are in the DOM. */
export function VolumeTable(props: {
  label: string;
  volumes: VolumeView[];
  selected: string | undefined;
  onSelect: (name: string) => void;
  /** The names of the rows in view (and a few around), whenever they change: their XML is read. */
  onRowsInView?: (names: string[]) => void;
}) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  const { volumes, selected, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: volumes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => volumes[index]?.name ?? index,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { onRowsInView } = props;
  useEffect(() => {
    if (last >= first) onRowsInView?.(volumes.slice(first, last + 1).map((v) => v.name));
  }, [volumes, first, last, onRowsInView]);
  const selectedIndex = volumes.findIndex((v) => v.name === selected);
  const move = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (step === undefined || volumes.length === 0) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(volumes.length - 1, (selectedIndex < 0 ? -1 : selectedIndex) + step));
    onSelect(volumes[next]!.name);
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
    );
  };
  const cell = (v: VolumeView, column: (typeof COLUMNS)[number]): string => {
    switch (column) {
      case 'capacity':
      case 'allocation':
        return v[column] === undefined ? '' : formatBytes(v[column]);
      case 'usedBy':
        return v.usedBy.map((u) => (u.running ? t('volumes.running', { name: u.name }) : u.name)).join(', ');
      default:
        return v[column] ?? '';
    }
  };
  return (
    <div
      role="grid"
      aria-label={props.label}
      aria-rowcount={volumes.length + 1}
      className="volume-table"
      onKeyDown={move}
    >
      <div role="row" aria-rowindex={1} className="volume-row volume-header">
        {COLUMNS.map((c) => (
          <span role="columnheader" key={c} className={`volume-cell volume-${c}`}>
            {t(`volumes.columns.${c}`)}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="volume-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const v = volumes[item.index]!;
            const isSelected = v.name === selected;
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                tabIndex={isSelected || (selectedIndex < 0 && item.index === 0) ? 0 : -1}
                className={`volume-row${isSelected ? ' selected' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
                onClick={() => onSelect(v.name)}
              >
                {COLUMNS.map((c) => (
                  <span role="gridcell" key={c} className={`volume-cell volume-${c}`} title={cell(v, c)}>
                    {cell(v, c)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
