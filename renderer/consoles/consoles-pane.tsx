import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../common/stores-context';

// noVNC, spice-html5 and xterm load only once a console is opened.
const VmWindowsDock = lazy(() => import('./vm-windows-dock').then((m) => ({ default: m.VmWindowsDock })));

/** The open VM windows, below the list in the manager window. */
export function ConsolesPane() {
  const { consoles } = useStores();
  const open = useStore(consoles, (s) => s.open.length > 0);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <VmWindowsDock store={consoles} />
    </Suspense>
  );
}
