import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error-from';
import { useFormatBytes } from '../i18n/use-format-bytes';
import type { ConfirmChoice } from '../stores/ui-store';
import { Dialog } from './dialog';
import { useStoreState, useStores } from './stores-context';

/** Shows the pending confirmation from the ui store (destructive actions, removing a host). */
export function ConfirmDialog() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const pending = useStoreState('ui', (state) => state.pendingConfirm);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  if (!pending) return null;
  const items = pending.choices?.items ?? [];
  const checked = chosen ?? new Set(items.filter((c) => c.checked).map((c) => c.id));
  const answer = (confirmed: boolean) => {
    setChosen(null);
    ui.getState().resolveConfirm(confirmed, [...checked]);
  };
  const toggle = (id: string) => {
    const next = new Set(checked);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };
  return (
    <Dialog
      role="alertdialog"
      title={t(pending.titleKey)}
      onCancel={() => answer(false)}
      initialFocus=".dialog-cancel"
      describedBy="confirm-message"
    >
      <p id="confirm-message">{t(pending.messageKey, pending.params)}</p>
      {pending.choices && items.length > 0 && (
        <fieldset className="confirm-choices">
          <legend>{t(pending.choices.legendKey)}</legend>
          {items.map((choice, index) => (
            <ChoiceRow
              key={choice.id}
              index={index}
              choice={choice}
              checked={checked.has(choice.id)}
              onToggle={toggle}
            />
          ))}
        </fieldset>
      )}
      <ConfirmButtons
        confirmLabel={t(pending.confirmKey)}
        onCancel={() => answer(false)}
        onConfirm={() => answer(true)}
      />
    </Dialog>
  );
}

/** Every confirmation's buttons: Cancel (focused first) and the action, marked as dangerous. */
function ConfirmButtons(props: {
  confirmLabel: string;
  disabled?: boolean;
  onCancel: () => void;
  /** Absent: the action is the form's submit button. */
  onConfirm?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-buttons">
      <button type="button" className="dialog-cancel" onClick={props.onCancel}>
        {t('actions.cancel')}
      </button>
      <button
        type={props.onConfirm ? 'button' : 'submit'}
        className="danger"
        disabled={props.disabled}
        onClick={props.onConfirm}
      >
        {props.confirmLabel}
      </button>
    </div>
  );
}

/**
 * A confirmation that runs its action itself and may ask a little more (`children`: a choice such as
 * "delete its descendants too"): busy while the action runs, closes when it succeeded, keeps a
 * refusal in the dialog; `blocked` says why the action cannot run at all (then it stays disabled).
 */
export function ConfirmActionDialog(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  blocked?: string | undefined;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  const messageId = useId();
  const problem = props.blocked ?? error;
  return (
    <Dialog
      role="alertdialog"
      title={props.title}
      onCancel={props.onClose}
      initialFocus=".dialog-cancel"
      describedBy={messageId}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p id={messageId}>{props.message}</p>
        {!props.blocked && props.children}
        {problem && (
          <p role="alert" className="field-error">
            {problem}
          </p>
        )}
        <ConfirmButtons
          confirmLabel={props.confirmLabel}
          disabled={busy || props.blocked !== undefined}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}

/** One disk (or other choice) of the checklist; its byte sizes shown in the window’s language. */
export function ChoiceRow(props: {
  index: number;
  choice: ConfirmChoice;
  checked: boolean;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  const { choice } = props;
  const detailId = `confirm-choice-detail-${props.index}`;
  const sizes = Object.entries(choice.detailBytes ?? {}).map(([name, bytes]) => [name, formatBytes(bytes)]);
  const detailParams: Record<string, string | number> = {
    ...choice.detailParams,
    ...Object.fromEntries(sizes),
  };
  return (
    <label className="confirm-choice">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={choice.disabled}
        aria-describedby={detailId}
        onChange={() => props.onToggle(choice.id)}
      />
      <span className="confirm-choice-label">{choice.label}</span>
      <span id={detailId} className="confirm-choice-detail">
        {t(choice.detailKey, detailParams)}
        {choice.noteKeys.map((key) => (
          <span key={key} className="confirm-choice-note">
            {' · '}
            {t(key, choice.noteParams)}
          </span>
        ))}
      </span>
    </label>
  );
}
