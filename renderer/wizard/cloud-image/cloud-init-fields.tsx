import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloudImageChoice } from '../../../shared/api/cloud-init';
import { parsePublicKeys } from '../../../shared/cloud-init/ssh-public-key';
import type { CloudImageProblems } from '../../../shared/cloud-init/validate-choice';
import { FormError } from '../../common/form-error';
import { TextField } from '../../common/text-field';
import { problemText } from './problem-text';
import { TextAreaField } from './text-area-field';

interface Props {
  value: CloudImageChoice;
  onChange(patch: Partial<CloudImageChoice>): void;
  problems: CloudImageProblems;
}

/** The text of `file` appended to the keys as a new line (a .pub file is one line). */
export function appendKeyText(keys: string, fileText: string): string {
  const added = fileText.trim();
  if (!added) return keys;
  return keys.trim() === '' ? `${added}\n` : `${keys.replace(/\s*$/, '')}\n${added}\n`;
}

/** User, password, SSH keys (pasted or from a .pub file), host name, raw user-data, network-config. */
export function CloudInitFields({ value, onChange, problems }: Props) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string>();
  const parsed = parsePublicKeys(value.sshKeys);
  const keys = 'keys' in parsed ? parsed.keys : [];

  const readKeyFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError(undefined);
    try {
      // A .pub file is one short line; anything large is not a public key.
      const text = await file.slice(0, 64 * 1024).text();
      onChange({ sshKeys: appendKeyText(value.sshKeys, text) });
    } catch (error) {
      setFileError(
        t('cloudImage.keyFileFailed', {
          file: file.name,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  return (
    <fieldset>
      <legend>{t('cloudImage.cloudInit')}</legend>
      <TextField
        label={t('cloudImage.userName')}
        value={value.userName}
        onChange={(userName) => onChange({ userName })}
        hint={t('cloudImage.userNameHint')}
        error={problemText(t, problems.userName)}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label={t('cloudImage.password')}
        type="password"
        value={value.password}
        onChange={(password) => onChange({ password })}
        hint={t('cloudImage.passwordHint')}
        error={problemText(t, problems.password)}
        autoComplete="new-password"
      />
      <TextAreaField
        label={t('cloudImage.sshKeys')}
        value={value.sshKeys}
        onChange={(sshKeys) => onChange({ sshKeys })}
        hint={
          keys.length > 0
            ? t('cloudImage.keysFound', {
                count: keys.length,
                keys: keys.map((k) => `${k.type} ${k.bits}${k.comment ? ` ${k.comment}` : ''}`).join(', '),
              })
            : t('cloudImage.sshKeysHint')
        }
        error={problemText(t, problems.sshKeys)}
        rows={4}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".pub,text/plain"
        hidden
        onChange={(e) => {
          void readKeyFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t('cloudImage.addKeyFile')}
      </button>
      <FormError message={fileError} />
      <TextField
        label={t('cloudImage.hostname')}
        value={value.hostname}
        onChange={(hostname) => onChange({ hostname })}
        hint={t('cloudImage.hostnameHint')}
        error={problemText(t, problems.hostname)}
        spellCheck={false}
      />
      <details open={value.userData !== '' || value.networkConfig !== '' || undefined}>
        <summary>{t('cloudImage.advanced')}</summary>
        <TextAreaField
          label={t('cloudImage.userData')}
          value={value.userData}
          onChange={(userData) => onChange({ userData })}
          hint={t('cloudImage.userDataHint')}
          error={problemText(t, problems.userData)}
          rows={8}
        />
        <TextAreaField
          label={t('cloudImage.networkConfig')}
          value={value.networkConfig}
          onChange={(networkConfig) => onChange({ networkConfig })}
          hint={t('cloudImage.networkConfigHint')}
          error={problemText(t, problems.networkConfig)}
          rows={5}
        />
      </details>
    </fieldset>
  );
}
