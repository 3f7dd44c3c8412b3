import { useEffect, useState } from 'react';
import type { CloudImageBase, CloudImageBaseInfo } from '../../../shared/api/cloud-init';
import { toApiError } from '../../api/api-error-from';
import { useStores } from '../../common/stores-context';

export type BaseInfoState =
  | { state: 'none' }
  | { state: 'reading' }
  | { state: 'read'; info: CloudImageBaseInfo }
  | { state: 'failed'; message: string };

const PATH_PAUSE_MS = 400;

/** The chosen image's format and virtual size from the host (a typed path once typing pauses). */
export function useBaseInfo(hostId: string, base: CloudImageBase | null): BaseInfoState {
  const { wizardCalls } = useStores();
  const [result, setResult] = useState<BaseInfoState>({ state: 'none' });
  const key = base ? JSON.stringify(base) : '';
  useEffect(() => {
    if (!base || (base.kind === 'path' && !base.path.startsWith('/'))) {
      setResult({ state: 'none' });
      return;
    }
    let live = true;
    setResult({ state: 'reading' });
    const timer = setTimeout(
      () =>
        void wizardCalls.inspectBase(hostId, base).then(
          (info) => live && setResult({ state: 'read', info }),
          (error: unknown) => live && setResult({ state: 'failed', message: toApiError(error).message }),
        ),
      base.kind === 'path' ? PATH_PAUSE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for `base` (a new object on every change of the form)
  }, [wizardCalls, hostId, key]);
  return result;
}
