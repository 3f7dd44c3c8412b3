import { useEffect, useState } from 'react';
import { Dialog } from '../common/dialog';
import { TextField } from '../common/text-field';
import { useConsoleT } from './console-strings';
import { parseCombo, textToStrokes } from './key-combos';

/** "Custom combination" (one combo) or "Type text" (the clipboard, typed as keystrokes). */
export function KeysDialog(props: {
  mode: 'combo' | 'type';
  onSend: (strokes: string[][]) => void;
  onCancel: () => void;
}) {
  const t = useConsoleT();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    if (props.mode !== 'type') return;
    void navigator.clipboard?.readText().then(
      (clip) => setText((current) => current || clip),
      () => undefined,
    );
  }, [props.mode]);
  const submit = () => {
    if (props.mode === 'type') return props.onSend(textToStrokes(text));
    const codes = parseCombo(text);
    if (!codes) return setError(t('comboInvalid', { combo: text }));
    props.onSend([codes]);
  };
  return (
    <Dialog title={props.mode === 'type' ? t('typeTitle') : t('customTitle')} onCancel={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {props.mode === 'type' ? (
          <label className="field">
            {t('typeLabel')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={5} />
          </label>
        ) : (
          <TextField label={t('combo')} value={text} onChange={setText} error={error || undefined} />
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={!text}>
            {props.mode === 'type' ? t('type') : t('send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
