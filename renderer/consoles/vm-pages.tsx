import { lazy, type ReactNode } from 'react';
import type { enConsoles } from '../i18n/en-consoles';
import { GraphicsConsole } from './graphics-console';
import { SerialConsole } from './serial-console';

/** What every page of a VM window gets. */
export interface VmPageProps {
  hostId: string;
  uuid: string;
  /** The VM's name (what libvirt calls it; pages that address it by name use this). */
  domainName: string;
  running: boolean;
  hostConnected: boolean;
  /** Runs the VM with the manager's one action runner. */
  onRun: () => void;
}

const SnapshotsPage = lazy(() =>
  import('../snapshots/snapshots-page').then((m) => ({ default: m.SnapshotsPage })),
);
const DetailsPage = lazy(() => import('../details/details-page').then((m) => ({ default: m.DetailsPage })));

/**
 * The pages of a VM window, in tab order: one entry per page, routed by host, VM and page, the same
 * docked, in tabs and detached. Adding a page is one entry here, e.g. snapshots:
 *   { id: 'snapshots', label: 'snapshots', render: (p) => <SnapshotsPage hostId={p.hostId} domainName={p.domainName} /> }
 * (with its tab's name added to en-consoles.ts).
 */
/** What both consoles take from a page's props. */
const consoleProps = (p: VmPageProps) => ({
  hostId: p.hostId,
  uuid: p.uuid,
  name: p.domainName,
  running: p.running,
  hostConnected: p.hostConnected,
});

export const VM_PAGES = [
  {
    id: 'console',
    label: 'console',
    render: (p: VmPageProps) => <GraphicsConsole {...consoleProps(p)} onRun={p.onRun} />,
  },
  { id: 'serial', label: 'serial', render: (p: VmPageProps) => <SerialConsole {...consoleProps(p)} /> },
  {
    id: 'details',
    label: 'details',
    render: (p: VmPageProps) => <DetailsPage hostId={p.hostId} uuid={p.uuid} />,
  },
  {
    id: 'snapshots',
    label: 'snapshots',
    render: (p: VmPageProps) => <SnapshotsPage hostId={p.hostId} domainName={p.domainName} />,
  },
] as const satisfies readonly {
  id: string;
  label: keyof typeof enConsoles;
  render: (props: VmPageProps) => ReactNode;
}[];

export type VmPage = (typeof VM_PAGES)[number]['id'];

export function isVmPage(value: unknown): value is VmPage {
  return VM_PAGES.some((p) => p.id === value);
}
