import { useEffect, useState } from 'react';
import type { SshAlias, SshResolution } from '../../shared/api/ssh-config';
import { HostInput } from '../../shared/api/hosts';
import { toApiError } from '../api/api-error-from';
import { useStores } from '../common/stores-context';

/** The aliases of ~/.ssh/config (read once when the dialog opens for SSH). */
export function useSshAliases(enabled: boolean): SshAlias[] {
  const { api } = useStores();
  const [aliases, setAliases] = useState<SshAlias[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api.call('ssh-config/aliases', {}).then(
      (found) => live && setAliases(found),
      () => live && setAliases([]),
    );
    return () => {
      live = false;
    };
  }, [api, enabled]);
  return aliases;
}

export type SshPreview =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; resolution: SshResolution }
  | { state: 'failed'; message: string };

const PreviewRequest = HostInput.pick({ host: true, user: true, port: true, privateKeyPath: true });
const SETTLE_MS = 250;

/** What the typed host resolves to, asked again once typing pauses; stale answers are dropped. */
export function useSshPreview(request: HostInput | null): SshPreview {
  const { api } = useStores();
  const [preview, setPreview] = useState<SshPreview>({ state: 'idle' });
  const parsed = request ? PreviewRequest.safeParse(request) : undefined;
  const valid = parsed?.success && parsed.data.host !== '' ? parsed.data : undefined;
  const key = valid ? JSON.stringify(valid) : '';
  useEffect(() => {
    if (!key) {
      setPreview({ state: 'idle' });
      return;
    }
    let live = true;
    // Keep showing the last answer while the next one is on its way (no flicker while typing).
    setPreview((current) => (current.state === 'ready' ? current : { state: 'loading' }));
    const timer = setTimeout(() => {
      api.call('ssh-config/resolve', valid!).then(
        (resolution) => live && setPreview({ state: 'ready', resolution }),
        (error: unknown) => live && setPreview({ state: 'failed', message: toApiError(error).message }),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for `valid`: a new object each render, the same request while the text is the same.
  }, [api, key]);
  return preview;
}
