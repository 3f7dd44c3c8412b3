import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotRow } from './snapshot-tree';
import { useFormatAgo, useFormatTime } from './use-format-time';

/**
 * The snapshots as a tree (ARIA tree, one line per snapshot, indented under its parent): name, the
 * current one marked, how long ago (the date and time as its title), VM state, internal/external and memory. Up/Down/Home/End move the selection.
 */
export function SnapshotTreeView(props: {
  rows: readonly SnapshotRow[];
  selected: string | undefined;
  onSelect: (name: string) => void;
  /** The clock the "… ago" texts are relative to (tests pass a fixed one). */
  now?: () => number;
}) {
  const { t } = useTranslation();
  const time = useFormatTime();
  const ago = useFormatAgo(props.now);
  const list = useRef<HTMLUListElement>(null);
  const { rows, selected } = props;
  const index = rows.findIndex((r) => r.snapshot.name === selected);
  const focusable = index >= 0 ? index : 0;

  const move = (to: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!row) return;
    props.onSelect(row.snapshot.name);
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(`[data-snapshot="${CSS.escape(row.snapshot.name)}"]`)?.focus(),
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowDown: focusable + 1, ArrowUp: focusable - 1, Home: 0, End: rows.length - 1 }[
      event.key
    ];
    if (step === undefined) return;
    event.preventDefault();
    move(step);
  };

  return (
    <ul
      ref={list}
      role="tree"
      aria-label={t('snapshots.tree')}
      className="snapshot-tree"
      onKeyDown={onKeyDown}
    >
      {rows.map((row, i) => {
        const s = row.snapshot;
        return (
          <li
            key={s.name}
            role="treeitem"
            data-snapshot={s.name}
            aria-level={row.level}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-selected={s.name === selected}
            tabIndex={i === focusable ? 0 : -1}
            className="snapshot-item"
            style={{ paddingInlineStart: `${(row.level - 1) * 20 + 6}px` }}
            onClick={() => props.onSelect(s.name)}
          >
            <span className="snapshot-name">{s.name}</span>
            {s.current && <span className="snapshot-current">{t('snapshots.current')}</span>}
            <span className="snapshot-meta">
              <time dateTime={new Date(s.createdAt * 1000).toISOString()} title={time(s.createdAt)}>
                {ago(s.createdAt)}
              </time>{' '}
              · {t(`snapshots.states.${s.state}`)} · {t(`snapshots.locations.${s.location}`)}
              {s.memory ? ` · ${t('snapshots.withMemory')}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
