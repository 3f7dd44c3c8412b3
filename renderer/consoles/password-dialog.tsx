import { useState } from 'react';
import { Dialog } from '../common/dialog';
import { TextField } from '../common/text-field';
import { useConsoleT } from './console-strings';

/** Asks for a console password the XML did not reveal (or that was wrong); can remember it. */
export function PasswordDialog(props: {
  wrong: boolean;
  onSubmit: (password: string, remember: boolean) => void;
  onCancel: () => void;
}) {
  const t = useConsoleT();
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  return (
    <Dialog title={t('passwordTitle')} onCancel={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(password, remember);
        }}
      >
        {props.wrong && <p role="alert">{t('passwordWrong')}</p>}
        <TextField
          label={t('password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="off"
        />
        <label className="check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          {t('remember')}
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={!password}>
            {t('connect')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
