// Comparing two catalogues key by key: the parity test and `npm run i18n:missing` use the same rules.

/** A catalogue: nested objects whose leaves are strings. */
export interface Catalogue {
  readonly [key: string]: string | Catalogue;
}

/** Every leaf as `a.b.c` → text. */
export function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * A key without its plural suffix (i18next's `_one`/`_other`). Languages have different plural
 * forms — Chinese has only `_other` — so keys are compared by this base.
 */
export function pluralBase(key: string): string {
  return key.replace(pluralSuffix, '');
}

/** The `{{name}}` placeholders of a text, sorted and without duplicates. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();
}

/** Base key → the texts of its forms. */
function byBase(catalogue: Catalogue): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, text] of flatten(catalogue)) {
    const base = pluralBase(key);
    out.set(base, [...(out.get(base) ?? []), text]);
  }
  return out;
}

export interface CatalogueDifference {
  /** Keys (plural base) the translation lacks, with the source text. */
  missing: { key: string; source: string }[];
  /** Keys the translation has that the source does not. */
  extra: string[];
  /** Keys whose placeholders differ (every form of a key must use the same set as the source's). */
  placeholders: { key: string; source: string[]; translation: string[] }[];
  /** Plural keys of the translation without an `_other` form (i18next's fallback form). */
  noOther: string[];
}

/** How a translation differs from its source catalogue. */
export function compareCatalogues(source: Catalogue, translation: Catalogue): CatalogueDifference {
  const src = byBase(source);
  const tra = byBase(translation);
  const traFlat = flatten(translation);
  const missing = [...src]
    .filter(([key]) => !tra.has(key))
    .map(([key, texts]) => ({ key, source: texts[texts.length - 1]! }));
  const extra = [...tra.keys()].filter((key) => !src.has(key));
  const placeholderDiffs: CatalogueDifference['placeholders'] = [];
  for (const [key, texts] of tra) {
    const sourceTexts = src.get(key);
    if (!sourceTexts) continue;
    const expected = placeholders(sourceTexts.join(' '));
    for (const text of texts) {
      const found = placeholders(text);
      // A plural form may leave out {{count}} ("one file"), never use a name the source lacks.
      const allowed = (name: string) => expected.includes(name);
      const lacks = expected.filter((name) => name !== 'count' && !found.includes(name));
      if (!found.every(allowed) || lacks.length > 0) {
        placeholderDiffs.push({ key, source: expected, translation: found });
        break;
      }
    }
  }
  const noOther = [...tra.keys()].filter((base) => {
    const forms = [...traFlat.keys()].filter((k) => pluralBase(k) === base && k !== base);
    return forms.length > 0 && !traFlat.has(`${base}_other`);
  });
  return { missing, extra, placeholders: placeholderDiffs, noOther };
}
