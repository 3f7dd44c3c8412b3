import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../common/text-field';
import { FIELDS, MULTILINE, type PoolField, type PoolForm } from './pool-form';

const HINTS: Partial<Record<PoolField, string>> = { targetPath: 'pools.add.targetHint' };

/** The fields the form's pool type needs; formats as a list when the host names them. */
export function PoolFormFields({
  form,
  formats,
  onChange,
}: {
  form: PoolForm;
  formats: readonly string[];
  onChange: (form: PoolForm) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (key: PoolField, value: string) =>
    onChange({ ...form, values: { ...form.values, [key]: value } });
  return (
    <>
      {FIELDS[form.type].map((key) => {
        const value = form.values[key] ?? '';
        const label = t(`pools.add.${key}`);
        if (key === 'format' && formats.length > 0)
          return (
            <div key={key} className="field">
              <label htmlFor={`${id}-format`}>{label}</label>
              <select id={`${id}-format`} value={value} onChange={(event) => set(key, event.target.value)}>
                {formats.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
          );
        if (MULTILINE.has(key))
          return (
            <div key={key} className="field">
              <label htmlFor={`${id}-${key}`}>{label}</label>
              <textarea
                id={`${id}-${key}`}
                rows={3}
                className="mono"
                value={value}
                onChange={(event) => set(key, event.target.value)}
              />
            </div>
          );
        const hint = HINTS[key];
        return (
          <TextField
            key={key}
            label={label}
            value={value}
            onChange={(next) => set(key, next)}
            hint={hint ? t(hint) : undefined}
            inputMode={key === 'port' ? 'numeric' : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        );
      })}
    </>
  );
}
