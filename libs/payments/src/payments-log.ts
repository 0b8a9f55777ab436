/** What the payments services report; the API and the worker pass their Nest logger through an adapter. */
export interface PaymentsLog {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const silentLog: PaymentsLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A Nest (nestjs-pino) logger: object first, message second. */
interface StructuredLogger {
  log(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

export function structuredLog(logger: StructuredLogger): PaymentsLog {
  return {
    info: (message, context) => logger.log(context ?? {}, message),
    warn: (message, context) => logger.warn(context ?? {}, message),
    error: (message, context) => logger.error(context ?? {}, message),
  };
}
