import { useState } from 'react';
import type { EditChange } from '../../../shared/api/domain-edit';
import { readDevice } from '../../../shared/xml/views/devices/device-views';
import { useDetailsT } from '../details-strings';
import { FieldForm } from '../field-form';
import { displayFieldsFor } from '../pane-fields';
import type { PaneProps } from './pane-props';

/** VNC/SPICE: listen address, port/autoport, password (kept unless changed), keymap, OpenGL. */
export function DisplayPane(props: PaneProps) {
  const t = useDetailsT();
  const key = props.item.deviceKey!;
  const graphics = readDevice(props.doc, 'graphics', key) ?? {};
  const firstListen = graphics.listens?.[0];
  const savedAddress = firstListen?.type === 'address' ? (firstListen.address ?? '') : '';
  const [address, setAddress] = useState(savedAddress);
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const patch: Record<string, string | null | { type: string; address: string }[]> = {};
  if (address.trim() !== savedAddress && address.trim() !== '')
    patch['listens'] = [{ type: 'address', address: address.trim() }];
  if (password !== '') patch['passwd'] = password;
  else if (removePassword && graphics.passwd !== undefined) patch['passwd'] = null;
  const changes: EditChange[] =
    Object.keys(patch).length > 0 ? [{ target: 'device', kind: 'graphics', key, patch }] : [];
  const id = (s: string) => `${s}-${props.uuid}-${key}`;
  return (
    <FieldForm
      {...props}
      defs={displayFieldsFor(key)}
      extra={{
        changes,
        reset: () => {
          setAddress(savedAddress);
          setPassword('');
          setRemovePassword(false);
        },
      }}
    >
      <div className="field-row">
        <label htmlFor={id('listen')}>{t('listenAddress')}</label>
        <input id={id('listen')} value={address} onChange={(e) => setAddress(e.target.value)} />
      </div>
      <div className="field-row">
        <label htmlFor={id('passwd')}>{t('password')}</label>
        <input
          id={id('passwd')}
          type="password"
          autoComplete="new-password"
          value={password}
          aria-describedby={id('passwd-note')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <span id={id('passwd-note')} className="field-note">
          {t('passwordKept')}
        </span>
      </div>
      {graphics.passwd !== undefined && (
        <div className="field-row">
          <label htmlFor={id('nopasswd')}>{t('removePassword')}</label>
          <input
            id={id('nopasswd')}
            type="checkbox"
            checked={removePassword}
            onChange={(e) => setRemovePassword(e.target.checked)}
          />
        </div>
      )}
    </FieldForm>
  );
}
