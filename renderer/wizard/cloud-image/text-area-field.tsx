import { useId, type TextareaHTMLAttributes } from 'react';
import { FieldNotes, notesIds } from '../../common/field-notes';

export type TextAreaFieldProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'onChange' | 'value' | 'id'
> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Already translated; shown under the field and linked by aria-describedby. */
  error?: string | undefined;
  hint?: string | undefined;
};

/** A labelled multi-line text field with its hint and error next to it (as TextField for inputs). */
export function TextAreaField({ label, value, onChange, error, hint, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={notesIds(id, hint, error)}
        {...rest}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
