/** What the console toolbar needs from a graphical client, whatever the protocol. */
export type ScaleMode = 'fit' | 'native' | 'resize-guest';

export type DisplayStatus =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'password-required'; wrong: boolean }
  | { state: 'disconnected'; message: string; clean: boolean };

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
