import { useState } from 'react';
import { documentRoot } from '../../../shared/xml/document';
import { findChild, getText } from '../../../shared/xml/node-ops';
import { readGeneral } from '../../../shared/xml/views/domain-general';
import { readOs } from '../../../shared/xml/views/domain-os';
import { useStoreState } from '../../common/stores-context';
import { useDetailsT } from '../details-strings';
import { FieldForm } from '../field-form';
import { overviewFields } from '../pane-fields';
import type { PaneProps } from './pane-props';
import { readFirmware } from '../../../shared/domain-edit/firmware';

/** Name (rename), title, description; identity and platform read-only. */
export function OverviewPane(props: PaneProps) {
  const t = useDetailsT();
  const { doc } = props;
  const general = readGeneral(doc);
  const os = readOs(doc);
  const state = useStoreState('domains', (s) => s.byHost[props.hostId]?.[props.uuid]?.state);
  const [name, setName] = useState(general.name ?? '');
  const emulator = findChild(findChild(documentRoot(doc), 'devices') ?? documentRoot(doc), 'emulator');
  const firmware = t(
    ({ bios: 'firmwareBios', efi: 'firmwareUefi', 'efi-secure': 'firmwareSecure' } as const)[
      readFirmware(doc)
    ],
  );
  const renamed = name.trim() !== '' && name !== general.name;
  return (
    <FieldForm
      {...props}
      defs={overviewFields}
      extra={{
        changes: renamed ? [{ target: 'rename', name: name.trim() }] : [],
        reset: () => setName(general.name ?? ''),
      }}
    >
      <div className="field-row">
        <label htmlFor={`rename-${props.uuid}`}>{t('name')}</label>
        <input
          id={`rename-${props.uuid}`}
          value={name}
          readOnly={props.running}
          aria-describedby={props.running ? `rename-note-${props.uuid}` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {props.running && (
          <span id={`rename-note-${props.uuid}`} className="field-note">
            {t('renameRunning')}
          </span>
        )}
      </div>
      <dl className="facts">
        <dt>{t('uuid')}</dt>
        <dd>{general.uuid}</dd>
        <dt>{t('state')}</dt>
        <dd>{state}</dd>
        <dt>{t('hypervisor')}</dt>
        <dd>{general.type}</dd>
        <dt>{t('architecture')}</dt>
        <dd>{os.arch}</dd>
        <dt>{t('emulator')}</dt>
        <dd>{emulator ? getText(emulator) : ''}</dd>
        <dt>{t('machine')}</dt>
        <dd>{os.machine}</dd>
        <dt>{t('firmware')}</dt>
        <dd>{firmware}</dd>
      </dl>
    </FieldForm>
  );
}
