import { useDetailsT } from '../details-strings';
import type { FieldDef } from '../field-defs';
import { FieldForm } from '../field-form';
import {
  charFieldsFor,
  controllerFieldsFor,
  inputFieldsFor,
  soundFieldsFor,
  videoFieldsFor,
} from '../pane-fields';
import type { PaneProps } from './pane-props';

function defsFor(kind: string, key: string): FieldDef[] | undefined {
  switch (kind) {
    case 'video':
      return videoFieldsFor(key);
    case 'sound':
      return soundFieldsFor(key);
    case 'input':
      return inputFieldsFor(key);
    case 'serial':
    case 'parallel':
    case 'console':
    case 'channel':
      return charFieldsFor(kind, key);
    case 'controller':
      return controllerFieldsFor(key);
    default:
      return undefined;
  }
}

/** Video, sound, input, serial/console/channel and controllers; other devices: their XML tab. */
export function DevicePane(props: PaneProps) {
  const t = useDetailsT();
  const defs = defsFor(props.item.deviceKind ?? '', props.item.deviceKey ?? '');
  if (!defs) return <p>{t('noForm')}</p>;
  return <FieldForm {...props} defs={defs} />;
}
