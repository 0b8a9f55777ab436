import { HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/**
 * A typed, coded error of the domain. The filter in `http-exception.filter.ts` maps it to HTTP once;
 * services throw these and never build responses themselves.
 */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details: readonly FieldProblem[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const invalid = (field: string, reason: string): AppError =>
  new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

export const notFound = (what: string, id: string): AppError =>
  new AppError(HttpStatus.NOT_FOUND, `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`, `${what} ${id} not found`);

export const forbidden = (reason = 'you do not have access to this resource'): AppError =>
  new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', reason);

export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}): AppError =>
  new AppError(HttpStatus.CONFLICT, code, message, [], extra);

export const unauthorized = (message = 'sign in first: send Authorization: Bearer <token>'): AppError =>
  new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
