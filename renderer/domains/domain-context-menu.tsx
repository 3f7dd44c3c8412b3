import { useTranslation } from 'react-i18next';
import { Menu, type MenuItem } from '../common/menu';
import { actionShortcuts } from './action-shortcuts';
import { displayName } from '../stores/display-names';
import { useActionItems } from './use-action-items';
import { useSelectedTargets } from './use-selected-targets';

/** The VM context menu: every action, enabled by the selected VMs' states. */
export function DomainContextMenu({
  position,
  onClose,
}: {
  position: { x: number; y: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const selected = useSelectedTargets();
  const items = useActionItems(selected);
  const label =
    selected.length === 1
      ? t('menus.vm', { name: displayName(selected[0]!) })
      : t('menus.vms', { count: selected.length });
  const menuItems: MenuItem[] = items.map((item) => ({
    id: item.id,
    label: item.label,
    disabled: !item.enabled,
    checked: item.checked,
    shortcut: actionShortcuts[item.id],
    onSelect: item.run,
  }));
  return <Menu label={label} items={menuItems} position={position} onClose={onClose} />;
}
