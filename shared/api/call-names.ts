import type { CallName, EventName } from './contract';

/**
 * The call and event names as plain data, for the Electron preload: it must stay tiny and cannot
 * carry the zod schemas. A unit test checks these lists against the contract.
 */
export const CALL_NAMES = [
  'app/info',
  'hosts/list',
  'hosts/add',
  'hosts/update',
  'hosts/remove',
  'hosts/connect',
  'hosts/disconnect',
  'prompts/answer',
  'domains/list',
  'domains/action',
  'stats/watch',
  'prefs/get',
  'prefs/set',
  'consoles/open',
  'consoles/tokens',
  'consoles/close',
  'consoles/remember-password',
  'consoles/launch-viewer',
  'consoles/serial-devices',
  'consoles/serial-open',
  'consoles/serial-input',
  'consoles/serial-ack',
  'consoles/serial-resize',
  'jobs/list',
  'jobs/cancel',
  'jobs/clear',
  'domains/disks',
  'domains/delete',
  'networks/list',
  'networks/define',
  'networks/action',
  'networks/xml',
  'networks/leases',
  'networks/update-dhcp',
  'networks/interfaces',
] as const satisfies readonly CallName[];

export const EVENT_NAMES = [
  'hosts/status',
  'hosts/changed',
  'domains/delta',
  'stats/tick',
  'prompts/request',
  'prompts/dismiss',
  'consoles/closed',
  'consoles/serial-data',
  'jobs/started',
  'jobs/progress',
  'jobs/finished',
  'networks/delta',
] as const satisfies readonly EventName[];
