import { z } from 'zod';

/** Every error the backend can return. A call fails with `{ code, message }`; the message is for people. */
export const errorCodes = [
  'invalid-request',
  'unknown-call',
  'host-not-found',
  'domain-not-found',
  'not-connected',
  'connect-dns',
  'connect-refused',
  'connect-timeout',
  'auth-failed',
  'auth-cancelled',
  'host-key-unknown',
  'host-key-changed',
  'host-key-rejected',
  'virsh-missing',
  'libvirt-unreachable',
  'virsh-error',
  'connection-lost',
  'ssh-config-invalid',
  'proxy-failed',
  'storage-error',
  'console-unavailable',
  'cancelled',
  'internal',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({ code: ErrorCode, message: z.string() });
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** Thrown by backend services and rethrown by clients, so both sides speak of errors the same way. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toShape(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return ApiErrorShape.safeParse(value).success;
}
