import { useEffect, useState } from 'react';
import type { HostCapabilities, OsDetails } from '../../shared/api/wizard';
import type { OsList } from './wizard-calls';
import { toApiError } from '../api/api-error-from';
import { useStores } from '../common/stores-context';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** One API read for the wizard, again when `key` changes; stale answers are dropped. */
function useRead<T>(key: string | undefined, read: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    setLoaded({ state: 'loading' });
    read().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: toApiError(error).message }),
    );
    return () => {
      live = false;
    };
    // `key` stands for everything `read` uses.
  }, [key]);
  return loaded;
}

export type Advanced = {
  arch?: string | undefined;
  virtType?: string | undefined;
  machine?: string | undefined;
};

export function useCapabilities(hostId: string | undefined, advanced: Advanced): Loaded<HostCapabilities> {
  const { wizardCalls } = useStores();
  const key = hostId ? JSON.stringify([hostId, advanced]) : undefined;
  return useRead(key, () => wizardCalls.capabilities(hostId!, advanced));
}

/** The host's OS list; read again when the backend replaces a kept list with the host's newer one. */
export function useOsList(hostId: string | undefined): Loaded<OsList> {
  const { wizardCalls } = useStores();
  const [version, setVersion] = useState(0);
  useEffect(
    () => wizardCalls.watchOsList((changed) => changed === hostId && setVersion((v) => v + 1)),
    [wizardCalls, hostId],
  );
  return useRead(hostId && `${hostId} ${version}`, () => wizardCalls.osList(hostId!));
}

export function useOsDetails(hostId: string | undefined, osId: string | undefined, arch: string | undefined) {
  const { wizardCalls } = useStores();
  const key = hostId && osId ? JSON.stringify([hostId, osId, arch]) : undefined;
  return useRead<OsDetails>(key, () => wizardCalls.osDetails(hostId!, osId!, arch));
}
