import { useCallback } from 'react';
import type { EditChange, EditProblem } from '../../shared/api/domain-edit';
import { applyChanges, EditInputError } from '../../shared/domain-edit/apply-changes';
import { checkDomain, keysBefore } from '../../shared/domain-edit/edit-checks';
import { parseDomainXml } from '../../shared/xml/objects';
import { useStoreState, useStores } from '../common/stores-context';
import { detailsKey } from './details-store';

/** Problems an edit would have, found here before anything is sent (the backend checks again). */
export function localProblems(
  baseXml: string,
  changes: readonly EditChange[],
  hostMemoryKiB?: number,
): EditProblem[] {
  const doc = parseDomainXml(baseXml);
  const keyOf = keysBefore(doc);
  try {
    applyChanges(doc, changes);
  } catch (error) {
    if (error instanceof EditInputError)
      return [{ field: error.field, code: 'bad-value', message: error.message }];
    throw error;
  }
  return checkDomain(doc, hostMemoryKiB ? { memoryKiB: hostMemoryKiB } : {}, keyOf);
}

/** The Details page's view of one VM: its entry, and Apply through the one edit path. */
export function useVmEdit(hostId: string, uuid: string) {
  const { details } = useStores();
  const entry = useStoreState('details', (s) => s.byVm[detailsKey(hostId, uuid)]);
  const hostMemoryKiB = useStoreState('details', (s) => s.cpuChoices[hostId]?.hostMemoryKiB);
  const apply = useCallback(
    async (changes: EditChange[], preview = false): Promise<EditProblem[]> => {
      const baseXml = details.getState().byVm[detailsKey(hostId, uuid)]?.base?.xml;
      if (!baseXml) return [];
      const problems = localProblems(baseXml, changes, hostMemoryKiB);
      if (problems.length > 0) {
        details.setState((s) => {
          const key = detailsKey(hostId, uuid);
          const current = s.byVm[key];
          return current
            ? { byVm: { ...s.byVm, [key]: { ...current, result: { outcome: 'invalid', problems } } } }
            : s;
        });
        return problems;
      }
      const result = await details.getState().apply(hostId, uuid, changes, preview);
      return result?.outcome === 'invalid' ? result.problems : [];
    },
    [details, hostId, uuid, hostMemoryKiB],
  );
  const reload = useCallback(() => details.getState().load(hostId, uuid), [details, hostId, uuid]);
  return { entry, apply, reload };
}
