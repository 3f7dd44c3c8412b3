import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/dialog';

export type SecretField = { label: string; masked: boolean };

/**
 * Asks for one or more secrets (password, passphrase, keyboard-interactive answers). The values live
 * only in this component's state until they are handed to `onAnswer`; nothing logs or stores them.
 */
export function SecretPrompt({
  title,
  intro,
  fields,
  hostLabel,
  onAnswer,
}: {
  title: string;
  intro?: string;
  fields: readonly SecretField[];
  hostLabel: string;
  onAnswer: (accepted: boolean, answers: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<string[]>(() => fields.map(() => ''));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answers = values;
    setValues(fields.map(() => ''));
    onAnswer(true, answers);
  };

  return (
    <Dialog title={title} onCancel={() => onAnswer(false, [])}>
      <form onSubmit={submit}>
        {intro && <p className="prompt-intro">{intro}</p>}
        {fields.map((field, index) => (
          <div className="field" key={index}>
            <label htmlFor={`${id}-${index}`}>{field.label}</label>
            <input
              id={`${id}-${index}`}
              type={field.masked ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              value={values[index] ?? ''}
              onChange={(event) => {
                const next = [...values];
                next[index] = event.target.value;
                setValues(next);
              }}
            />
          </div>
        ))}
        <p className="field-hint">{t('prompts.forHost', { host: hostLabel })}</p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => onAnswer(false, [])}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('prompts.connect')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
