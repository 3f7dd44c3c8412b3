import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { SnapshotView } from '../../shared/api/snapshots';
import { createI18n } from '../i18n/create-i18n';
import { snapshotTreeRows } from './snapshot-tree';
import { SnapshotTreeView } from './snapshot-tree-view';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const snap = (name: string, secondsAgo: number): SnapshotView => ({
  name,
  createdAt: NOW / 1000 - secondsAgo,
  state: 'running',
  description: '',
  location: 'internal',
  memory: true,
  current: false,
  files: [],
});

// Rendered to markup (no DOM here): each line says how long ago, in the window's language.
function render(language: string): string {
  const rows = snapshotTreeRows([snap('before-upgrade', 5 * 60), snap('base', 3 * 86_400)]);
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <SnapshotTreeView rows={rows} selected={undefined} onSelect={() => undefined} now={() => NOW} />
    </I18nextProvider>,
  );
}

describe('snapshot tree view', () => {
  it('says how long ago each snapshot was taken, with the date and time as its title', () => {
    const en = render('en');
    expect(en).toContain('5 minutes ago');
    expect(en).toContain('3 days ago');
    expect(en).toMatch(/<time dateTime="2026-11-30T11:55:00.000Z" title="[^"]*2026[^"]*">/);
    const zh = render('zh-CN');
    expect(zh).toContain('5分钟前');
    expect(zh).toContain('3天前');
  });
});
