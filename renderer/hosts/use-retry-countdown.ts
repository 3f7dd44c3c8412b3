import { useEffect, useMemo, useState } from 'react';
import type { HostStatus } from '../../shared/api/hosts';

/**
 * The status with `retryInMs` counting down once a second, so "retrying in Ns" stays true between
 * status events. Other statuses pass through unchanged.
 */
export function useRetryCountdown(status: HostStatus | undefined): HostStatus | undefined {
  const deadline = useMemo(
    () =>
      status?.state === 'retrying' && status.retryInMs !== undefined ? Date.now() + status.retryInMs : null,
    [status],
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  if (!status || deadline === null) return status;
  return { ...status, retryInMs: Math.max(0, deadline - now) };
}
