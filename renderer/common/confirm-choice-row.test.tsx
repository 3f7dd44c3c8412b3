import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import { diskChoice } from '../stores/domain-action-runner';
import type { DomainDisk } from '../../shared/api/domain-storage';
import { ChoiceRow } from './confirm-dialog';

const disk = (capacity: number | undefined): DomainDisk => ({
  target: 'vda',
  device: 'disk',
  path: '/pool/a.qcow2',
  pool: 'default',
  volume: 'a.qcow2',
  capacity,
  readonly: false,
  sharedWith: [],
  suggested: true,
});

// One line of the Delete checklist, rendered to markup (no DOM here).
function row(language: string, capacity: number | undefined): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <ChoiceRow index={0} choice={diskChoice(disk(capacity))} checked onToggle={() => undefined} />
    </I18nextProvider>,
  );
}

describe('a disk in the Delete checklist', () => {
  it('shows its size in the window’s language, and "?" when libvirt did not say', () => {
    expect(row('en', 1.5 * 2 ** 30)).toContain('vda · 1.5 GiB · pool default');
    expect(row('zh-CN', 1.5 * 2 ** 30)).toContain('1.5 GiB');
    expect(row('en', undefined)).toContain('vda · ? · pool default');
  });
});
