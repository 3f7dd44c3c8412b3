import { ApiError } from '../../../shared/api/errors';

/** Turns a socket/ssh2 failure into the reason a person can act on. */
export function classifyConnectError(
  error: Error & { code?: string; level?: string },
  host: string,
  port: number,
  user: string,
): ApiError {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ApiError('connect-dns', `Cannot resolve host name "${host}"`);
    case 'ECONNREFUSED':
      return new ApiError(
        'connect-refused',
        `Connection refused by ${where} (is sshd running on that port?)`,
      );
    case 'ETIMEDOUT':
      return new ApiError('connect-timeout', `Timed out connecting to ${where}`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ApiError('connect-timeout', `No route to ${where}`);
  }
  if (error.level === 'client-timeout' || /timed out/i.test(error.message)) {
    return new ApiError('connect-timeout', `Timed out waiting for the SSH handshake with ${where}`);
  }
  if (error.level === 'client-authentication') {
    return new ApiError(
      'auth-failed',
      `Authentication failed for ${user}@${host} (all methods were refused)`,
    );
  }
  if (error instanceof ApiError) return error;
  return new ApiError('connection-lost', `SSH connection to ${where} failed: ${error.message}`);
}
