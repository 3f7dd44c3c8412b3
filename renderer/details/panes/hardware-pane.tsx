import { hardwareKindOf } from '../../../shared/domain-edit/hardware/hardware-kinds';
import { paneFields } from '../add-hardware/hardware-fields';
import { useDetailsT } from '../details-strings';
import { FieldForm } from '../field-form';
import type { PaneProps } from './pane-props';

/** Host devices, TPM, RNG, watchdog, filesystem, smartcard, USB redirection, panic, VSOCK, balloon, IOMMU. */
export function HardwarePane(props: PaneProps) {
  const t = useDetailsT();
  const key = props.item.deviceKey ?? '';
  const kind = hardwareKindOf(props.doc, key);
  const defs = kind ? paneFields(kind, key) : undefined;
  if (!defs) return <p>{t('noForm')}</p>;
  return <FieldForm {...props} defs={defs} />;
}
