// <graphics>: VNC and SPICE (and the rest): where it listens, ports, password, keymap.
import { attr, intAttr, yesNoAttr, type FieldValues } from '../fields';
import { graphicsListens } from './graphics-listens';

export type { GraphicsListen, ListenType } from './graphics-listens';

export const graphicsFields = {
  type: attr<'vnc' | 'spice' | 'sdl' | 'rdp' | 'egl-headless' | 'dbus'>('', 'type'),
  port: intAttr('', 'port'),
  autoport: yesNoAttr('', 'autoport'),
  tlsPort: intAttr('', 'tlsPort'),
  websocket: intAttr('', 'websocket'),
  /** The `<listen>` children with the legacy `listen`/`socket` attributes folded in (see graphics-listens.ts). */
  listens: graphicsListens,
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
