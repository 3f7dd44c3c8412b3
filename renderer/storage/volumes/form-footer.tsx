import { useTranslation } from 'react-i18next';

/** The end of a volume dialog's form: the error (announced), Cancel, and the submit button. */
export function FormFooter(props: {
  error?: string | undefined;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.error && (
        <p role="alert" className="field-error">
          {props.error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="dialog-cancel" onClick={props.onCancel}>
          {t('actions.cancel')}
        </button>
        <button type="submit" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
