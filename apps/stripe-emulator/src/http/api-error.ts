/**
 * Stripe's error envelope (`{ error: { type, code, message, param } }`). The SDK picks the
 * `Stripe.errors.*` class from the HTTP status (and `type` for idempotency errors), so the
 * status codes here are what makes `StripeCardError` vs `StripeInvalidRequestError` work.
 */
export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /**
     * Stripe saves an idempotent result only once the endpoint started executing; parameter
     * validation failures are not saved, so a corrected retry with the same key goes through.
     */
    readonly storedForIdempotency = false,
  ) {
    super(body.message);
  }

  static invalidRequest(message: string, extra: { param?: string; code?: string } = {}): ApiError {
    return new ApiError(400, withDocUrl({ type: 'invalid_request_error', message, ...extra }));
  }

  /** A state conflict found while executing (e.g. voiding a paid invoice): saved for idempotent replay. */
  static invalidState(message: string, code?: string): ApiError {
    return new ApiError(400, withDocUrl({ type: 'invalid_request_error', message, code }), true);
  }

  static missingParam(param: string): ApiError {
    return ApiError.invalidRequest(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });
  }

  static invalidParam(param: string, message: string): ApiError {
    return ApiError.invalidRequest(message, { param, code: 'parameter_invalid' });
  }

  static unknownParam(param: string): ApiError {
    return ApiError.invalidRequest(`Received unknown parameter: ${param}`, { param, code: 'parameter_unknown' });
  }

  /** The URL names a missing object → 404; a parameter references a missing object → 400 (as Stripe does). */
  static resourceMissing(objectName: string, id: string, param: string, status: 404 | 400): ApiError {
    return new ApiError(
      status,
      withDocUrl({ type: 'invalid_request_error', code: 'resource_missing', message: `No such ${objectName}: '${id}'`, param }),
    );
  }

  static unrecognizedUrl(method: string, path: string): ApiError {
    return new ApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  }

  static authentication(message: string): ApiError {
    return new ApiError(401, { type: 'invalid_request_error', message });
  }

  static idempotencyMismatch(key: string): ApiError {
    return new ApiError(400, {
      type: 'idempotency_error',
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    });
  }

  static cardError(body: Omit<StripeErrorBody, 'type'>): ApiError {
    return new ApiError(402, withDocUrl({ type: 'card_error', ...body }), true);
  }

  static internal(message: string): ApiError {
    return new ApiError(500, { type: 'api_error', message });
  }
}

/** Undefined fields vanish in JSON.stringify, so optional keys need no pruning here. */
function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}` } : body;
}
