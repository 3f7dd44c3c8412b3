// Type declarations for the console libraries, which ship no types: only what VirtDesk uses.
declare module '@novnc/novnc' {
  export interface RfbOptions {
    shared?: boolean;
    credentials?: { password?: string; username?: string };
    wsProtocols?: string[];
  }
  export default class RFB extends EventTarget {
    /** A URL, or a WebSocket (or a channel like one) that noVNC then uses as it is. */
    constructor(target: HTMLElement, urlOrChannel: string | WebSocket, options?: RfbOptions);
    scaleViewport: boolean;
    clipViewport: boolean;
    resizeSession: boolean;
    focusOnClick: boolean;
    viewOnly: boolean;
    background: string;
    disconnect(): void;
    sendCredentials(credentials: { password: string }): void;
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    sendCtrlAltDel(): void;
    focus(options?: FocusOptions): void;
    blur(): void;
    clipboardPasteFrom(text: string): void;
    toBlob(callback: (blob: Blob | null) => void, type?: string, quality?: number): void;
  }
}

declare module '@spice-project/spice-html5' {
  export interface SpiceMainConnOptions {
    uri: string;
    screen_id: string;
    message_id?: string;
    password?: string;
    onerror?: (error: Error) => void;
    onsuccess?: () => void;
    onagent?: (sc: SpiceMainConn) => void;
  }
  export class SpiceMainConn {
    constructor(options: SpiceMainConnOptions);
    stop(): void;
    state: string;
    /** The main channel's WebSocket (spice-html5 opens the other channels on its URL). */
    ws: WebSocket;
    inputs?: { state: string; send_msg(msg: unknown): void };
  }
  export function resize_helper(sc: SpiceMainConn): void;
}

declare module '@spice-project/spice-html5/src/spicemsg.js' {
  export class SpiceMiniData {
    build_msg(type: number, payload: unknown): void;
  }
  export class SpiceMsgcKeyDown {
    code: number;
  }
  export class SpiceMsgcKeyUp {
    code: number;
  }
}

declare module '@spice-project/spice-html5/src/enums.js' {
  export const Constants: Record<string, number>;
}

declare module '@spice-project/spice-html5/src/display.js' {
  export interface SpiceSurface {
    canvas?: HTMLCanvasElement;
  }
  export class SpiceDisplayConn {
    surfaces: Record<number, SpiceSurface | undefined>;
    primary_surface: number | undefined;
    unhook_events(): void;
    delete_surface(surfaceId: number): void;
  }
}
