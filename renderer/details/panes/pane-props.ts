import type { EditChange, EditProblem } from '../../../shared/api/domain-edit';
import type { XmlDocument } from '../../../shared/xml/document';
import type { HardwareItem } from '../hardware-items';

/** What every pane of the Details page gets. */
export interface PaneProps {
  hostId: string;
  uuid: string;
  doc: XmlDocument;
  item: HardwareItem;
  pending: readonly string[];
  busy: boolean;
  running: boolean;
  autostart: boolean;
  onApply: (changes: EditChange[], preview: boolean) => Promise<EditProblem[]>;
}
