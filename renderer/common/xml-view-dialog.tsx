import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error-from';
import { Dialog } from './dialog';

/**
 * An object's XML as libvirt prints it, read only (networks, node devices, …). `read` is called
 * once when the dialog opens; a failure shows libvirt's message instead.
 */
export function XmlViewDialog(props: {
  title: string;
  read: () => Promise<string>;
  onClose: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<{ xml?: string; error?: string }>({});
  const { read } = props;
  useEffect(() => {
    read().then(
      (xml) => setText({ xml }),
      (error: unknown) => setText({ error: toApiError(error).message }),
    );
  }, [read]);
  return (
    <Dialog
      title={props.title}
      onCancel={props.onClose}
      {...(props.className ? { className: props.className } : {})}
    >
      {text.error ? (
        <p role="alert">{text.error}</p>
      ) : (
        <textarea
          readOnly
          aria-label={props.title}
          className="mono xml-view"
          rows={20}
          cols={80}
          value={text.xml ?? t('app.loading')}
        />
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
