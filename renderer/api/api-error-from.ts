import { ApiError, isApiErrorShape } from '../../shared/api/errors';

/** Turns whatever a transport rejected with into an ApiError, so callers handle one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isApiErrorShape(error)) return new ApiError(error.code, error.message);
  if (error instanceof Error) return new ApiError('internal', error.message);
  return new ApiError('internal', String(error));
}
