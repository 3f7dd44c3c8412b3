// Test-only: arguments that must reach a host (or virsh) exactly as given, one argument each.

export const hostile = [
  "it's",
  'a "quoted" word',
  '$(touch /tmp/virtdesk-pwned)',
  '`id`',
  'a; rm -rf /',
  'a && b || c',
  '-x',
  '--all',
  'back\\slash',
  'ünïcødé 虚拟机 🖥️',
  "'; echo pwned; '",
  '*',
  '~',
  '$HOME',
  '',
  '   spaced   ',
  'tab\there',
];

/** Hostile arguments a real shell must see as one argument each (NUL-separated on the way back). */
export const hostileArgs = [...hostile, 'line\nbreak', 'two\n\nlines\n', '-', '--', '-rf /', '$(id)\n`id`'];
