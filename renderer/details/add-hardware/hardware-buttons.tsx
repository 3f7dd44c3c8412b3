import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { XmlDocument } from '../../../shared/xml/document';
import { AddHardwareDialog } from './add-hardware-dialog';
import { RemoveDeviceDialog } from './remove-device-dialog';

/** "Add Hardware…" under the hardware list. */
export function AddHardwareButton(props: {
  hostId: string;
  uuid: string;
  name: string;
  doc: XmlDocument;
  running: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="add-hardware-button" onClick={() => setOpen(true)}>
        {t('hardware.add')}
      </button>
      {open && <AddHardwareDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/** "Remove" in a device's header. */
export function RemoveDeviceButton(props: {
  hostId: string;
  uuid: string;
  name: string;
  deviceKey: string;
  deviceLabel: string;
  running: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { busy, ...rest } = props;
  return (
    <>
      <button type="button" disabled={busy} onClick={() => setOpen(true)}>
        {t('hardware.remove.button')}
      </button>
      {open && <RemoveDeviceDialog {...rest} onClose={() => setOpen(false)} />}
    </>
  );
}
