import type { ReactNode } from 'react';
import type { EditChange } from '../../../shared/api/domain-edit';
import type { FieldDef } from '../field-defs';
import { FieldForm } from '../field-form';
import type { PaneProps } from '../panes/pane-props';
import { ListEditor } from './list-editor';
import { useListEdits } from './list-edits';
import { localTuningProblems } from './local-tuning-problems';
import type { ListDef } from './tuning-fields';
import { useHostTopology } from './use-host-topology';

/** A tuning pane's form: fields, repeated elements as rows, the host checks before Apply. */
export function TuningForm({
  pane,
  defs,
  lists = [],
  before,
  children,
}: {
  pane: PaneProps;
  defs: readonly FieldDef[];
  lists?: readonly ListDef[];
  /** Shown above the lists (the host CPU map). */
  before?: ReactNode;
  children?: ReactNode;
}) {
  const edits = useListEdits(pane.doc, lists);
  const { topology } = useHostTopology(pane.hostId);
  const onApply = async (changes: EditChange[], preview: boolean) => {
    if (edits.problems.length > 0) return edits.problems;
    const local = localTuningProblems(pane.doc, changes, topology);
    if (local.length > 0) return local;
    return pane.onApply(changes, preview);
  };
  return (
    <FieldForm
      doc={pane.doc}
      defs={defs}
      pending={pane.pending}
      busy={pane.busy}
      onApply={onApply}
      extra={{ changes: edits.changes, reset: edits.reset }}
    >
      {before}
      {lists.map((def) => (
        <ListEditor key={`${def.view}.${def.key}`} def={def} edits={edits} pending={pane.pending} />
      ))}
      {children}
    </FieldForm>
  );
}
