import { useEffect, useState } from 'react';
import type { DiskSource } from '../../../shared/api/wizard';
import { toApiError } from '../../api/api-error-from';
import { useStores } from '../../common/stores-context';

export type MediaCheck =
  { state: 'idle' | 'checking' } | { state: 'ok'; path: string } | { state: 'bad'; message: string };

/** Asks the host whether the hypervisor can read `source` (again whenever it changes). */
export function useMediaCheck(hostId: string, source: DiskSource | undefined): MediaCheck {
  const { wizardCalls } = useStores();
  const [check, setCheck] = useState<MediaCheck>({ state: 'idle' });
  const key = source ? JSON.stringify(source) : '';
  useEffect(() => {
    if (!source) {
      setCheck({ state: 'idle' });
      return;
    }
    let live = true;
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      wizardCalls.checkMedia(hostId, source).then(
        (r) =>
          live &&
          setCheck(r.ok ? { state: 'ok', path: r.path ?? '' } : { state: 'bad', message: r.message ?? '' }),
        (error: unknown) => live && setCheck({ state: 'bad', message: toApiError(error).message }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for `source`.
  }, [wizardCalls, hostId, key]);
  return check;
}
