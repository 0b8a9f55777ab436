import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, FieldProblem } from './app-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: readonly FieldProblem[];
  [key: string]: unknown;
}

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  500: 'Internal Server Error',
};

/** Every error leaves the API in one shape: { statusCode, error, code, message, details? }. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, path: req.url }, 'unhandled error');
    }
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.status,
        error: REASONS[exception.status] ?? 'Error',
        code: exception.code,
        message: exception.message,
        ...(exception.details.length ? { details: exception.details } : {}),
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return {
        statusCode: status,
        error: REASONS[status] ?? 'Error',
        code: codeForStatus(status),
        message: Array.isArray(message) ? message.join('; ') : String(message),
      };
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as PgError;
      // Constraint violations that validation did not catch first (races, limits): the client's fault.
      if (pg.code === '23505') return this.plain(409, 'ALREADY_EXISTS', `already exists${pg.detail ? `: ${pg.detail}` : ''}`);
      if (pg.code === '23503') return this.plain(409, 'REFERENCE_CONFLICT', `a referenced record is missing or still in use${pg.detail ? `: ${pg.detail}` : ''}`);
      if (pg.code === '23514') return this.plain(400, 'VALIDATION_FAILED', `a value is out of range (${pg.constraint ?? 'check'})`);
      // Invalid text representation, out of range, bad date/time, too long, invalid byte sequence.
      if (['22P02', '22003', '22007', '22008', '22001', '22021'].includes(pg.code ?? '')) {
        return this.plain(400, 'VALIDATION_FAILED', 'a value has the wrong format or is out of range');
      }
    }
    const status = (exception as { status?: unknown; type?: unknown })?.status;
    // body-parser errors (malformed JSON, too large) carry a status of their own.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      if (type === 'entity.too.large') {
        return { ...this.plain(status, codeForStatus(status), 'body: too large'), details: [{ field: 'body', reason: 'too large' }] };
      }
      const message = type === 'entity.parse.failed' ? 'body: not valid JSON' : (exception as Error).message;
      return this.plain(status, codeForStatus(status), message);
    }
    return this.plain(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', 'internal error; it has been logged');
  }

  private plain(statusCode: number, code: string, message: string): ErrorBody {
    return { statusCode, error: REASONS[statusCode] ?? 'Error', code, message };
  }
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL' : 'ERROR';
  }
}
