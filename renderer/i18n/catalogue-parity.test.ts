import { describe, expect, it } from 'vitest';
import { compareCatalogues, placeholders, type Catalogue } from './catalogue-keys';
import { en } from './en';
import { zhCN } from './zh-cn';

describe('the zh-CN catalogue', () => {
  const difference = compareCatalogues(en, zhCN);

  it('has every English key', () => {
    expect(difference.missing.map((m) => m.key)).toEqual([]);
  });

  it('has no key English lacks', () => {
    expect(difference.extra).toEqual([]);
  });

  it('uses the same placeholders as English in every string', () => {
    expect(difference.placeholders).toEqual([]);
  });

  it('gives every plural its _other form', () => {
    expect(difference.noOther).toEqual([]);
  });

  it('is translated: no string of more than one word is left in English', () => {
    const chinese = flat(zhCN);
    const same = Object.entries(flat(en)).filter(([key, text]) => {
      const zh = chinese[key];
      return zh !== undefined && zh === text && /[a-z]{3,} [a-z]{3,}/i.test(text.replace(/\{\{\w+\}\}/g, ''));
    });
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe('the comparison', () => {
  it('finds a missing key, an extra key and a changed placeholder', () => {
    const source: Catalogue = {
      a: { b: 'Hello {{name}}', c: 'Bye' },
      n_one: '{{count}} VM',
      n_other: '{{count}} VMs',
    };
    const translation: Catalogue = { a: { b: '你好 {{who}}' }, d: '多余', n_other: '{{count}} 台' };
    expect(compareCatalogues(source, translation)).toEqual({
      missing: [{ key: 'a.c', source: 'Bye' }],
      extra: ['d'],
      placeholders: [{ key: 'a.b', source: ['name'], translation: ['who'] }],
      noOther: [],
    });
  });

  it('reads placeholders with spaces and formats', () => {
    expect(placeholders('{{ size }} of {{total, number}} and {{size}}')).toEqual(['size', 'total']);
  });
});

function flat(catalogue: Catalogue, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[path] = v;
    else Object.assign(out, flat(v, path));
  }
  return out;
}
