import { useTranslation } from 'react-i18next';
import type { HardwareKind } from '../../../shared/api/domain-hardware';
import { liveAttach } from '../../../shared/domain-edit/hardware/live-attach';

/**
 * Before Finish on a running VM: whether the chosen kind is attached now or only after the next
 * guest shutdown (libvirt's hotplug rules), or that it depends on this host.
 */
export function LiveAttachNote({
  kind,
  settings,
  variant,
}: {
  kind: HardwareKind;
  settings: Readonly<Record<string, unknown>>;
  variant?: string | undefined;
}) {
  const { t } = useTranslation();
  const { attach, reason, values } = liveAttach(kind, settings, variant);
  return (
    <p className={`field-note live-attach live-attach-${attach}`} data-attach={attach}>
      {t(`hardware.live.${attach}`, { reason: t(`hardware.live.reason.${reason}`, values) })}
    </p>
  );
}
