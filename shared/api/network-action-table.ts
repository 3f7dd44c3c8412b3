import type { NetworkAction, NetworkSummary } from './networks';

export interface NetworkActionRow {
  /** The virsh verb the backend runs, with `--network UUID` and `args`. */
  verb: string;
  args?: readonly string[];
  /** For the message "Network <name> <done>". */
  done: string;
  /** Whether it makes sense for a network in this state. */
  allowed: (network: NetworkSummary) => boolean;
  /** Guests on the network lose it: the UI asks first. */
  destructive: boolean;
}

/**
 * The one list of network actions, read by the Networks tab (which buttons are enabled, which ask
 * first) and by the backend (which verb runs). Delete stops an active network first, as
 * virt-manager does.
 */
export const networkActionTable: Record<NetworkAction, NetworkActionRow> = {
  start: { verb: 'net-start', done: 'started', allowed: (n) => !n.active, destructive: false },
  stop: { verb: 'net-destroy', done: 'stopped', allowed: (n) => n.active, destructive: true },
  autostart: {
    verb: 'net-autostart',
    done: 'starts with the host',
    allowed: (n) => n.persistent && !n.autostart,
    destructive: false,
  },
  'no-autostart': {
    verb: 'net-autostart',
    args: ['--disable'],
    done: 'no longer starts with the host',
    allowed: (n) => n.persistent && n.autostart,
    destructive: false,
  },
  undefine: {
    verb: 'net-undefine',
    done: 'deleted',
    allowed: (n) => n.persistent || n.active,
    destructive: true,
  },
};
