import { useState } from 'react';
import { toApiError } from '../api/api-error-from';
import type { NoticeParams } from '../stores/activity-store';
import type { JobCall } from '../stores/call-as-job';
import { useStores } from './stores-context';

/**
 * The submit part of a dialog whose call runs as a job (Clone, Save to file, Migrate): busy while
 * the job's checks run, closes the dialog (`onStarted`) once the job has started, keeps a refusal in
 * the dialog, and posts the job's outcome to the activity log (`doneKey` gets `{{message}}`,
 * `failedKey` gets `failedParams` plus `{{message}}`).
 */
export function useJobSubmit(options: {
  onStarted: () => void;
  doneKey: string;
  failedKey: string;
  failedParams?: NoticeParams;
}) {
  const { activity } = useStores();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = (call: () => JobCall<{ message: string }>) => {
    setBusy(true);
    setError(undefined);
    const { started, finished } = call();
    started.then(options.onStarted, (e: unknown) => {
      setError(toApiError(e).message);
      setBusy(false);
    });
    finished.then(
      (result) => activity.getState().post('success', options.doneKey, { message: result.message }),
      (e: unknown) =>
        activity
          .getState()
          .post('error', options.failedKey, { ...options.failedParams, message: toApiError(e).message }),
    );
  };
  return { error, setError, busy, run };
}
