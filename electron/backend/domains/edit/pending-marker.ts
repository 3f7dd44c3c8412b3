import { pendingChanges } from '../../../../shared/domain-edit/pending-changes';
import { parseDomainXml } from '../../../../shared/xml/objects';

/** The manager list's marker: the definition differs from the running guest in a field the panes edit. */
export function hasPendingChanges(inactiveXml: string, liveXml: string): boolean {
  try {
    return pendingChanges(parseDomainXml(inactiveXml), parseDomainXml(liveXml)).length > 0;
  } catch {
    return false;
  }
}
