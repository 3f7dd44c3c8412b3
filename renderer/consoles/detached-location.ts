import { isVmPage, type VmPage } from './vm-page-ids';
import { vmWindowKey } from './vm-windows-store';

/** Where a detached VM window opens: the app's own page with `?vm=HOST/UUID&page=…`. */
export function detachedUrl(hostId: string, uuid: string, page: string): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('vm', vmWindowKey(hostId, uuid));
  url.searchParams.set('page', page);
  return url.toString();
}

/** `?vm=HOST/UUID` of a detached window, if this page is one. */
export function detachedVmFromLocation(): {
  hostId: string;
  uuid: string;
  page: VmPage;
} | null {
  const params = new URLSearchParams(window.location.search);
  const [hostId, uuid] = (params.get('vm') ?? '').split('/');
  if (!hostId || !uuid) return null;
  const page = params.get('page');
  return { hostId, uuid, page: isVmPage(page) ? page : 'console' };
}
