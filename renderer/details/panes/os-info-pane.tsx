import { getMetadata } from '../../../shared/xml/views/domain-metadata';
import { useDetailsT } from '../details-strings';
import type { PaneProps } from './pane-props';

const LIBOSINFO = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

/** The libosinfo id virt-install and VirtDesk record in the metadata (read-only here). */
export function OsInfoPane({ doc }: PaneProps) {
  const t = useDetailsT();
  const xml = getMetadata(doc, LIBOSINFO);
  const id = xml ? /<[^>]*os\s+id=["']([^"']+)["']/.exec(xml)?.[1] : undefined;
  return (
    <dl className="facts">
      <dt>{t('osId')}</dt>
      <dd>{id ?? t('osUnknown')}</dd>
    </dl>
  );
}
