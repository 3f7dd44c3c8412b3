// `npm run i18n:missing`: the English keys that the zh-CN catalogue lacks (with their English text),
// then keys it has that English lacks and strings whose placeholders differ. Exit code 1 if any.
import { compareCatalogues } from '../../renderer/i18n/catalogue-keys';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';

const diff = compareCatalogues(en, zhCN);
const lines: string[] = [];
if (diff.missing.length > 0) {
  lines.push(`Missing from zh-CN (${diff.missing.length}):`);
  for (const { key, source } of diff.missing) lines.push(`  ${key}\t${JSON.stringify(source)}`);
}
if (diff.extra.length > 0)
  lines.push(`Only in zh-CN (${diff.extra.length}):`, ...diff.extra.map((k) => `  ${k}`));
if (diff.placeholders.length > 0) {
  lines.push(`Placeholders differ (${diff.placeholders.length}):`);
  for (const p of diff.placeholders)
    lines.push(`  ${p.key}\ten: ${p.source.join(', ') || '-'}\tzh-CN: ${p.translation.join(', ') || '-'}`);
}
if (diff.noOther.length > 0)
  lines.push('Plurals without an _other form:', ...diff.noOther.map((k) => `  ${k}`));
console.log(lines.length > 0 ? lines.join('\n') : 'zh-CN has every English key.');
process.exitCode = lines.length > 0 ? 1 : 0;
