import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
      <div className="dialog-buttons">
        <button type="button" className="dialog-cancel" onClick={() => answer(false)}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => answer(true)}>
          {t(pending.confirmKey)}
        </button>
      </div>
    </Dialog>
  );
}

function ChoiceRow(props: {
  index: number;
  choice: ConfirmChoice;
  checked: boolean;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { choice } = props;
  const detailId = `confirm-choice-detail-${props.index}`;
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
        {t(choice.detailKey, choice.detailParams)}
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
