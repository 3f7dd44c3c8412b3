import { useEffect, useMemo, useState } from 'react';
import type { XmlDocument } from '../../shared/xml/document';
import { serializeDomainXml } from '../../shared/xml/objects';
import { deviceXml } from '../../shared/xml/views/devices/device-list';
import { useStores } from '../common/stores-context';
import { useDetailsT } from './details-strings';
import { wellFormedness, XmlEditor } from './xml-editor';

export interface XmlTabProps {
  hostId: string;
  uuid: string;
  doc: XmlDocument;
  /** A device's key, or none for the whole domain. */
  deviceKey?: string | undefined;
  itemLabel: string;
  busy: boolean;
}

/** The XML of the domain or of one device: edit, check, show the diff, apply through the same path. */
export function XmlTab({ hostId, uuid, doc, deviceKey, itemLabel, busy }: XmlTabProps) {
  const t = useDetailsT();
  const { details } = useStores();
  const original = useMemo(
    () => (deviceKey ? deviceXml(doc, deviceKey) : serializeDomainXml(doc)),
    [doc, deviceKey],
  );
  const [text, setText] = useState(original);
  useEffect(() => setText(original), [original]);
  const problem = wellFormedness(text);
  const changed = text !== original;
  const send = (preview: boolean) => void details.getState().applyXml(hostId, uuid, text, deviceKey, preview);
  return (
    <div className="xml-tab">
      <XmlEditor value={text} label={t('xmlEditorLabel', { item: itemLabel })} onChange={setText} />
      <p className={problem ? 'xml-status xml-error' : 'xml-status'} role="status">
        {problem ? t('xmlMalformedAt', { line: problem.line, message: problem.message }) : t('xmlValid')}
      </p>
      <div className="form-buttons">
        <button type="button" disabled={busy || !changed || !!problem} onClick={() => send(false)}>
          {busy ? t('applying') : t('apply')}
        </button>
        <button type="button" disabled={busy || !changed} onClick={() => setText(original)}>
          {t('revert')}
        </button>
        <button type="button" disabled={busy || !changed || !!problem} onClick={() => send(true)}>
          {t('previewDiff')}
        </button>
      </div>
    </div>
  );
}
