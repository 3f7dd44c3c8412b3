import { z } from 'zod';
import { checkEnglish, CheckMessageShape, type CheckMessage } from '../checks/check-message';

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

export const ApiErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** issue 15: a refusal by a shared check also sends its key + values, for the UI's language. */
  check: CheckMessageShape.optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** Thrown by backend services and rethrown by clients, so both sides speak of errors the same way. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The shared check that refused (issue 15): the renderer shows it in the user's language. */
    readonly check?: CheckMessage,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.check);
  }

  toShape(): ApiErrorShape {
    return this.check
      ? { code: this.code, message: this.message, check: this.check }
      : { code: this.code, message: this.message };
  }
}

/** A shared check's refusal: English for logs, the key + values for the UI's language (issue 15). */
export const refusal = (check: CheckMessage): ApiError =>
  new ApiError('invalid-request', checkEnglish(check), check);

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return ApiErrorShape.safeParse(value).success;
}
