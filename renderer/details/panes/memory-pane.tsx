import { useEffect } from 'react';
import { readMemoryBacking } from '../../../shared/xml/views/domain-memory';
import { useStores } from '../../common/stores-context';
import { useDetailsT } from '../details-strings';
import { FieldForm } from '../field-form';
import { memoryPaneFields } from '../pane-fields';
import type { PaneProps } from './pane-props';

/** Current (balloon, live) and maximum memory; memory backing shown read-only. */
export function MemoryPane(props: PaneProps) {
  const t = useDetailsT();
  const { details } = useStores();
  // The host's memory, for the "more than the host has" check.
  useEffect(() => void details.getState().loadCpuChoices(props.hostId), [details, props.hostId]);
  const backing = readMemoryBacking(props.doc);
  const flags = [
    backing.hugepages && t('hugepages'),
    backing.locked && t('locked'),
    backing.nosharepages && t('nosharepages'),
  ].filter(Boolean);
  return (
    <FieldForm {...props} defs={memoryPaneFields}>
      <dl className="facts">
        <dt>{t('memoryBacking')}</dt>
        <dd>{flags.length > 0 ? flags.join(', ') : t('none')}</dd>
      </dl>
    </FieldForm>
  );
}
