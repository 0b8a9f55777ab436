/** One problem with one request field, as the API reports it in `details[]`. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** The one error shape the API returns (see apps/api/src/common/http-exception.filter.ts). */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly details?: readonly FieldProblem[];
}

/** Status 0 stands for "no HTTP answer at all" (offline, DNS, refused), so callers can say so. */
export const NETWORK_ERROR_STATUS = 0;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Builds the error from whatever body came back: the API's JSON shape, or text from a proxy. */
  static fromResponse(response: Response, body: unknown): ApiError {
    if (isErrorBody(body)) return new ApiError(response.status, body.code, body.message, body.details ?? []);
    const text = typeof body === 'string' && body.trim() ? body.trim().slice(0, 200) : response.statusText;
    return new ApiError(response.status, `HTTP_${response.status}`, text || `HTTP ${response.status}`);
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(NETWORK_ERROR_STATUS, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
    error.cause = cause;
    return error;
  }

  /** The first reason reported for each field, keyed by the field's path (`email`, `skus[0].code`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, reason } of this.details) out[field] ??= reason;
    return out;
  }

  /** 4xx answers will not change on a retry; network failures and 5xx might. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.code === 'string' && typeof b.message === 'string' && (b.details === undefined || Array.isArray(b.details));
}
