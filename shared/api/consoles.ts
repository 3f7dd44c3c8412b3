import { z } from 'zod';

import { domainRef } from './refs';
const consoleRef = z.object({ consoleId: z.string().min(1).max(64) });

export const GraphicsProtocol = z.enum(['vnc', 'spice']);
export type GraphicsProtocol = z.infer<typeof GraphicsProtocol>;

/** Where the guest's screen is reachable from the host, as its live XML says. */
export const GraphicsEndpoint = z.object({
  protocol: GraphicsProtocol,
  /** "127.0.0.1:5900" or "unix:/path/to/socket" (for display only). */
  address: z.string(),
  /** The password came from the XML or the secret store; absent: none known (the guest may still ask). */
  password: z.string().optional(),
  passwordSource: z.enum(['xml', 'remembered', 'none']),
  /**
   * Set when the in-app client cannot show this console (TLS-only SPICE, …): the reason, for people.
   * The remote-viewer fallback still works through the same tunnel.
   */
  unsupported: z.string().optional(),
});
export type GraphicsEndpoint = z.infer<typeof GraphicsEndpoint>;

export const GraphicsSession = GraphicsEndpoint.extend({
  consoleId: z.string(),
  /** ws://127.0.0.1:PORT/ — add `?token=` with one of `tokens` per WebSocket connection. */
  url: z.string(),
  /**
   * VNC: one single-use token. SPICE: one token that every channel of the session presents (up to
   * 16 connections, within a minute of opening). `consoles/tokens` issues more single-use ones.
   */
  tokens: z.array(z.string()),
});
export type GraphicsSession = z.infer<typeof GraphicsSession>;

export const SerialDevice = z.object({
  /** What `virsh console DOMAIN DEVNAME` takes: the device alias (serial0, console1, …). */
  name: z.string(),
  label: z.string(),
});
export type SerialDevice = z.infer<typeof SerialDevice>;

export const ConsoleClosed = z.object({
  consoleId: z.string(),
  reason: z.enum(['closed', 'ended', 'host-lost']),
  message: z.string(),
});
export type ConsoleClosed = z.infer<typeof ConsoleClosed>;

export const SerialData = z.object({
  consoleId: z.string(),
  /** Increasing per console; acknowledge each chunk with consoles/serial-ack. */
  seq: z.number().int().nonnegative(),
  /** Whole UTF-8 characters only; at most SERIAL_CHUNK_BYTES bytes. */
  data: z.string(),
});
export type SerialData = z.infer<typeof SerialData>;

export const SERIAL_CHUNK_BYTES = 16 * 1024;
/** Chunks in flight before the backend pauses the SSH channel. */
export const SERIAL_ACK_WINDOW = 5;

const size = { rows: z.number().int().min(1).max(1000), cols: z.number().int().min(1).max(1000) };

export const consoleCalls = {
  'consoles/open': { request: domainRef, response: GraphicsSession },
  'consoles/tokens': {
    request: consoleRef.extend({ count: z.number().int().min(1).max(16) }),
    response: z.object({ tokens: z.array(z.string()) }),
  },
  'consoles/close': { request: consoleRef, response: z.object({}) },
  /** Store (or with null, forget) the console password of a VM in the secret store. */
  'consoles/remember-password': {
    request: domainRef.extend({ password: z.string().max(256).nullable() }),
    response: z.object({}),
  },
  /** Opens the console in the system's remote-viewer, through the same SSH connection. */
  'consoles/launch-viewer': { request: consoleRef, response: z.object({ message: z.string() }) },
  'consoles/serial-devices': { request: domainRef, response: z.array(SerialDevice) },
  'consoles/serial-open': {
    request: domainRef.extend({ device: z.string().max(64).optional(), ...size }),
    response: z.object({ consoleId: z.string(), device: z.string().optional() }),
  },
  'consoles/serial-input': {
    request: consoleRef.extend({ data: z.string().max(64 * 1024) }),
    response: z.object({}),
  },
  'consoles/serial-ack': {
    request: consoleRef.extend({ seq: z.number().int().nonnegative() }),
    response: z.object({}),
  },
  'consoles/serial-resize': { request: consoleRef.extend(size), response: z.object({}) },
} as const;

export const consoleEvents = {
  'consoles/closed': ConsoleClosed,
  'consoles/serial-data': SerialData,
} as const;
