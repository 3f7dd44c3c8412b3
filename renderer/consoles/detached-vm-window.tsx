import { useState } from 'react';
import './consoles.css';
import { VmWindow } from './vm-window';
import type { VmPage } from './vm-windows-store';

/** A VM window on its own browser window (opened with "Open in new window"). */
export function DetachedVmWindow(props: { hostId: string; uuid: string; page: VmPage }) {
  const [page, setPage] = useState<VmPage>(props.page);
  return (
    <div className="detached-vm-window">
      <VmWindow hostId={props.hostId} uuid={props.uuid} page={page} onPage={setPage} />
    </div>
  );
}
