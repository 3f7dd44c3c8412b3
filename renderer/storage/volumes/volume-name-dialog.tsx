import { useState, type ReactNode } from 'react';
import { Dialog } from '../../common/dialog';
import { FormFooter } from './form-footer';
import { TextField } from '../../common/text-field';
import { toApiError } from '../../api/api-error-from';

/**
 * A small dialog with one text field and an action (resize: the capacity; clone: the new name);
 * `extra` adds fields (resize's Shrink box). The action's error is shown in place.
 */
export function VolumeFieldDialog(props: {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  hint?: string;
  validate?: (value: string) => string | undefined;
  extra?: ReactNode;
  onSubmit: (value: string) => Promise<void>;
  onClose: () => void;
}) {
  const [value, setValue] = useState(props.initial);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const problem = props.validate?.(value);
  const submit = async () => {
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await props.onSubmit(value);
      props.onClose();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onCancel={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={props.label}
          value={value}
          onChange={setValue}
          hint={props.hint}
          error={problem}
          autoFocus
        />
        {props.extra}
        <FormFooter error={error} busy={busy} submitLabel={props.submitLabel} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
