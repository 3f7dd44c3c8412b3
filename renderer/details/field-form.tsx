import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { EditChange, EditProblem, FieldValue } from '../../shared/api/domain-edit';
import type { XmlDocument } from '../../shared/xml/document';
import { useCheckText } from '../i18n/check-text';
import { useDetailsT } from './details-strings';
import { problemText } from './edit-result-view';
import { changesFrom, fieldId, fromInput, readValue, toInput, type FieldDef } from './field-defs';

export interface FieldFormProps {
  doc: XmlDocument;
  defs: readonly FieldDef[];
  /** Field names waiting for the next guest shutdown. */
  pending: readonly string[];
  busy: boolean;
  onApply: (changes: EditChange[], preview: boolean) => Promise<EditProblem[]>;
  /** More changes from the pane's own controls (boot order, autostart, …), and whether there are any. */
  extra?: { changes: EditChange[]; reset: () => void };
  /** The pane's own controls, under the fields. */
  children?: ReactNode;
  /** Warnings from the values as typed (by field name), shown as they change. */
  warnings?: (values: Record<string, string | boolean | undefined>) => string[];
}

/** A pane's form: one control per field, Apply / Revert / Show changes, problems on their fields. */
export function FieldForm({ doc, defs, pending, busy, onApply, extra, children, warnings }: FieldFormProps) {
  const t = useDetailsT();
  const describeCheck = useCheckText();
  const formId = useId();
  const initial = useMemo(() => new Map(defs.map((d) => [d, toInput(d, readValue(doc, d))])), [doc, defs]);
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<EditProblem[]>([]);
  useEffect(() => {
    setValues(initial);
    setProblems([]);
  }, [initial]);
  const dirty = new Map<FieldDef, FieldValue>();
  const inputErrors: EditProblem[] = [];
  for (const def of defs) {
    const now = values.get(def);
    if (now === undefined || now === initial.get(def)) continue;
    const value = fromInput(def, now);
    if (value instanceof Error)
      inputErrors.push({ field: fieldId(def), code: value.message, message: value.message });
    else dirty.set(def, value);
  }
  const changes = [...changesFrom(dirty), ...(extra?.changes ?? [])];
  const submit = async (preview: boolean) => {
    if (inputErrors.length > 0) return setProblems(inputErrors);
    setProblems(await onApply(changes, preview));
  };
  const revert = () => {
    setValues(initial);
    setProblems([]);
    extra?.reset();
  };
  const shown = [...problems, ...inputErrors];
  const warned = warnings?.(Object.fromEntries(defs.map((d) => [fieldId(d), values.get(d)]))) ?? [];
  return (
    <form
      className="field-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      {defs.map((def) => {
        const id = `${formId}-${fieldId(def)}`;
        const name = fieldId(def);
        const fieldProblems = shown.filter((p) => p.field === name);
        const waiting = pending.includes(name);
        const noteId = `${id}-note`;
        const value = values.get(def);
        const set = (v: string | boolean) => setValues((m) => new Map(m).set(def, v));
        const describedBy = fieldProblems.length > 0 || waiting ? noteId : undefined;
        return (
          <div key={name} className="field-row">
            <label htmlFor={id}>{t(def.label, def.labelValues)}</label>
            {def.input === 'checkbox' ? (
              <input
                id={id}
                type="checkbox"
                checked={value === true}
                disabled={def.readOnly}
                aria-describedby={describedBy}
                onChange={(e) => set(e.target.checked)}
              />
            ) : def.input === 'select' || def.input === 'onoff' ? (
              <select
                id={id}
                value={String(value ?? '')}
                disabled={def.readOnly}
                aria-describedby={describedBy}
                onChange={(e) => set(e.target.value)}
              >
                <option value="">{t('none')}</option>
                {[
                  ...new Set([
                    ...(def.options ?? (def.input === 'onoff' ? ['on', 'off'] : [])),
                    ...(initial.get(def) ? [String(initial.get(def))] : []),
                  ]),
                ].map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : def.input === 'textarea' ? (
              <textarea
                id={id}
                value={String(value ?? '')}
                readOnly={def.readOnly}
                aria-describedby={describedBy}
                onChange={(e) => set(e.target.value)}
              />
            ) : (
              <input
                id={id}
                type={def.input === 'password' ? 'password' : 'text'}
                inputMode={def.input === 'number' || def.input === 'mib' ? 'decimal' : undefined}
                value={String(value ?? '')}
                readOnly={def.readOnly}
                aria-invalid={fieldProblems.length > 0 || undefined}
                aria-describedby={describedBy}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {describedBy && (
              <span id={noteId} className="field-note">
                {fieldProblems.map((p) => problemText(t, p, describeCheck)).join(' ')}
                {waiting && <span className="pending-note">{t('nextShutdown')}</span>}
              </span>
            )}
          </div>
        );
      })}
      {warned.length > 0 && (
        <ul className="form-warnings" aria-live="polite">
          {warned.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {children}
      <div className="form-buttons">
        <button type="submit" disabled={busy || changes.length === 0}>
          {busy ? t('applying') : t('apply')}
        </button>
        <button type="button" disabled={busy || changes.length === 0} onClick={revert}>
          {t('revert')}
        </button>
        <button type="button" disabled={busy || changes.length === 0} onClick={() => void submit(true)}>
          {t('previewDiff')}
        </button>
      </div>
      {shown.some((p) => !defs.some((d) => fieldId(d) === p.field)) && (
        <ul role="alert" className="form-problems">
          {shown
            .filter((p) => !defs.some((d) => fieldId(d) === p.field))
            .map((p, i) => (
              <li key={i}>{problemText(t, p, describeCheck)}</li>
            ))}
        </ul>
      )}
    </form>
  );
}
