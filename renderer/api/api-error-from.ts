import { ApiError, isApiErrorShape, type ApiErrorShape } from '../../shared/api/errors';
import type { CheckMessage } from '../../shared/checks/check-message';

/** A shared check's text in the window's language (issue 15; main.tsx passes the i18n one). */
export type DescribeCheck = (check: CheckMessage) => string;

/** The backend's error as the UI shows it: a shared check's refusal in the user's language. */
export function apiErrorFromShape(shape: ApiErrorShape, describeCheck?: DescribeCheck): ApiError {
  const error = ApiError.fromShape(shape);
  return error.check && describeCheck
    ? new ApiError(error.code, describeCheck(error.check), error.check)
    : error;
}

/** Turns whatever a transport rejected with into an ApiError, so callers handle one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isApiErrorShape(error)) return ApiError.fromShape(error);
  if (error instanceof Error) return new ApiError('internal', error.message);
  return new ApiError('internal', String(error));
}
