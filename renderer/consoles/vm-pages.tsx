import { lazy, type ReactNode } from 'react';
import type { enConsoles } from '../i18n/en-consoles';
import { GraphicsConsole } from './graphics-console';
import { SerialConsole } from './serial-console';
import { VM_PAGE_IDS, type VmPage } from './vm-page-ids';

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

/** What both consoles take from a page's props. */
const consoleProps = (p: VmPageProps) => ({
  hostId: p.hostId,
  uuid: p.uuid,
  name: p.domainName,
  running: p.running,
  hostConnected: p.hostConnected,
});

interface VmPageEntry {
  label: keyof typeof enConsoles;
  render: (props: VmPageProps) => ReactNode;
}

/**
 * The pages of a VM window by id, routed by host, VM and page, the same docked, in tabs and detached.
 * Adding a page is its id in vm-page-ids.ts and one entry here (its tab's name in en-consoles.ts); a
 * Record, so an id without a page is a type error.
 */
const PAGES: Record<VmPage, VmPageEntry> = {
  console: {
    label: 'console',
    render: (p) => <GraphicsConsole {...consoleProps(p)} onRun={p.onRun} />,
  },
  serial: { label: 'serial', render: (p) => <SerialConsole {...consoleProps(p)} /> },
  details: { label: 'details', render: (p) => <DetailsPage hostId={p.hostId} uuid={p.uuid} /> },
  snapshots: {
    label: 'snapshots',
    render: (p) => <SnapshotsPage hostId={p.hostId} domainName={p.domainName} />,
  },
};

/** The pages in tab order. */
export const VM_PAGES: readonly ({ id: VmPage } & VmPageEntry)[] = VM_PAGE_IDS.map((id) => ({
  id,
  ...PAGES[id],
}));
