import { z } from 'zod';
import { checkTexts, type CheckArea, type CheckKey } from './check-texts';

/** A value that is itself a text to translate (a field's name in "{{field}} is required"). */
export type CheckRef = { key: CheckKey };
export type CheckValue = string | number | CheckRef;

/** Why an input is refused: a key into `checkTexts` plus the values its text interpolates. */
export interface CheckMessage {
  key: CheckKey;
  values?: Record<string, CheckValue>;
}

export const check = (key: CheckKey, values?: Record<string, CheckValue>): CheckMessage =>
  values ? { key, values } : { key };

/** A field's name as a value: `check('pool.required', { field: field('poolField.server') })`. */
export const field = (key: CheckKey): CheckRef => ({ key });

const isCheckKey = (key: string): key is CheckKey => {
  const [area, name, ...rest] = key.split('.');
  if (!area || !name || rest.length > 0 || !Object.hasOwn(checkTexts, area)) return false;
  return Object.hasOwn(checkTexts[area as CheckArea], name);
};

/** On the wire (an ApiError's `check`, an edit problem's): validated, keys must exist. */
export const CheckKeyShape = z.custom<CheckKey>(
  (value) => typeof value === 'string' && value.length <= 100 && isCheckKey(value),
  'not a check key',
);
export const CheckMessageShape = z.object({
  key: CheckKeyShape,
  values: z
    .record(z.string().max(64), z.union([z.string().max(1024), z.number(), z.object({ key: CheckKeyShape })]))
    .optional(),
});

/** The i18n key of a check's text (the renderer's catalogues hold them under `checks`). */
export const checkI18nKey = (key: CheckKey): string => `checks.${key}`;

const englishOf = (key: CheckKey): string => {
  const [area, name] = key.split('.') as [CheckArea, string];
  return (checkTexts[area] as Record<string, string>)[name] ?? key;
};

/** Fills a text's `{{name}}`s; nested refs go through `text` too. */
export function fillCheck(
  message: CheckMessage,
  text: (key: CheckKey, values: Record<string, string | number>) => string,
): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {}))
    values[name] = typeof value === 'object' ? text(value.key, {}) : value;
  return text(message.key, values);
}

/** The English text of a check (backend errors and logs; the renderer translates instead). */
export function checkEnglish(message: CheckMessage): string {
  return fillCheck(message, (key, values) =>
    englishOf(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? '')),
  );
}
