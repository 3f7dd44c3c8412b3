import type { EditChange, EditProblem } from '../../../shared/api/domain-edit';
import { applyChanges, EditInputError } from '../../../shared/domain-edit/apply-changes';
import type { HostTopology } from '../../../shared/domain-edit/host-topology';
import { tuningProblemsOfEdit } from '../../../shared/domain-edit/tuning-checks';
import type { XmlDocument } from '../../../shared/xml/document';
import { parseDomainXml, serializeDomainXml } from '../../../shared/xml/objects';

/** The tuning problems `changes` would bring on this host, found in the pane before sending. */
export function localTuningProblems(
  doc: XmlDocument,
  changes: readonly EditChange[],
  topology: HostTopology | undefined,
): EditProblem[] {
  if (!topology) return [];
  const after = parseDomainXml(serializeDomainXml(doc));
  try {
    applyChanges(after, changes);
  } catch (error) {
    if (error instanceof EditInputError)
      return [{ field: error.field, code: 'bad-value', message: error.message }];
    throw error;
  }
  return tuningProblemsOfEdit(doc, after, topology);
}
