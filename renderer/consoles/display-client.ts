/** What the console toolbar needs from a graphical client, whatever the protocol. */
export type ScaleMode = 'fit' | 'native' | 'resize-guest';

/**
 * The network steps of connecting a console, in order: the host answers `consoles/open`, the
 * console bridge accepts the WebSocket, the guest's display answers (its first bytes), the protocol
 * handshake completes. None of them waits for a person.
 */
export type ConnectStep = 'host' | 'bridge' | 'display' | 'handshake';

/** Why a console could not connect: the step it was at, and what the other side said, if anything. */
export interface ConnectFailure {
  step: ConnectStep;
  timedOut: boolean;
  detail: string;
}

export type DisplayStatus =
  | { state: 'connecting'; step: ConnectStep }
  | { state: 'connected' }
  | { state: 'password-required'; wrong: boolean }
  /** An established connection ended (the view reconnects). */
  | { state: 'disconnected'; message: string; clean: boolean }
  /** The connection never came up (the view says why and offers to try again). */
  | { state: 'failed'; failure: ConnectFailure };

export interface DisplayClient {
  readonly protocol: 'vnc' | 'spice';
  /** Which controls make sense for this protocol. */
  readonly supports: { resizeGuest: boolean; clipboard: boolean };
  /** Presses the keys in order, then releases them in reverse. */
  sendCombo(codes: string[]): void;
  setScale(mode: ScaleMode): void;
  sendPassword(password: string): void;
  setClipboardSharing(on: boolean): void;
  /** Puts host clipboard text on the guest's clipboard (only while sharing is on). */
  sendClipboard(text: string): void;
  /** The current screen as PNG. */
  screenshot(): Promise<Blob>;
  focus(): void;
  blur(): void;
  disconnect(): void;
}

export interface DisplayCallbacks {
  onStatus: (status: DisplayStatus) => void;
  /** The guest put text on its clipboard (only while sharing is on). */
  onGuestClipboard: (text: string) => void;
}

export interface DisplayTarget {
  url: string;
  tokens: string[];
  password?: string | undefined;
}
