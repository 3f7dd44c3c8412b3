// <graphics>: VNC and SPICE (and the rest), listen address/network/socket, ports, password, keymap.
import { getAttr, setAttr } from '../../node-ops';
import { ensure, resolve } from '../../view-path';
import { attr, intAttr, yesNoAttr, type Field, type FieldValues } from '../fields';

/**
 * The listen address. libvirt keeps it in `<listen type='address' address=…/>` and mirrors the first
 * one in the legacy `listen` attribute; both are kept in step when the attribute is there.
 */
const listenAddress: Field<string> = {
  read(base) {
    const listen = resolve(base, 'listen');
    return (listen && getAttr(listen, 'address')) ?? getAttr(base, 'listen');
  },
  write(base, value, depth) {
    if (getAttr(base, 'listen') !== undefined) setAttr(base, 'listen', value);
    const listen = resolve(base, 'listen');
    if (value === undefined) {
      if (listen && getAttr(listen, 'type') === 'address') setAttr(listen, 'address', undefined);
      return;
    }
    const node = listen ?? ensure(base, 'listen', depth);
    setAttr(node, 'type', 'address');
    setAttr(node, 'address', value);
  },
};

export const graphicsFields = {
  type: attr<'vnc' | 'spice' | 'sdl' | 'rdp' | 'egl-headless' | 'dbus'>('', 'type'),
  port: intAttr('', 'port'),
  autoport: yesNoAttr('', 'autoport'),
  tlsPort: intAttr('', 'tlsPort'),
  websocket: intAttr('', 'websocket'),
  listenType: attr<'address' | 'network' | 'socket' | 'none'>('listen', 'type'),
  listenAddress,
  listenNetwork: attr('listen', 'network'),
  listenSocket: attr('listen', 'socket'),
  passwd: attr('', 'passwd'),
  passwdValidTo: attr('', 'passwdValidTo'),
  keymap: attr('', 'keymap'),
  sharePolicy: attr<'allow-exclusive' | 'force-shared' | 'ignore'>('', 'sharePolicy'),
  defaultMode: attr<'any' | 'secure' | 'insecure'>('', 'defaultMode'),
  imageCompression: attr('image', 'compression'),
  gl: yesNoAttr('gl', 'enable'),
  glRenderNode: attr('gl', 'rendernode'),
};

export type GraphicsSettings = FieldValues<typeof graphicsFields>;
