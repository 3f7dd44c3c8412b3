import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceUser } from '../../shared/api/node-devices';

/**
 * "In use by" in words: each VM with whether the device is attached to it now (running) or only in
 * its definition (shut off, or a running VM's next boot); just the name when its state is unknown.
 */
export function useDeviceUsersText(): (users: readonly DeviceUser[]) => string {
  const { t } = useTranslation();
  return useCallback(
    (users) =>
      users
        .map((u) =>
          u.running === undefined
            ? u.name
            : u.attached
              ? t('nodeDevices.user.attached', { name: u.name })
              : u.running
                ? t('nodeDevices.user.nextBoot', { name: u.name })
                : t('nodeDevices.user.defined', { name: u.name }),
        )
        .join(', '),
    [t],
  );
}
