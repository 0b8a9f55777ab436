import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldProblem } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const reason of Object.values(e.constraints ?? {})) out.push({ field, reason });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * DTO classes compile to ES2022 class fields, so every instance starts with all its declared
 * properties set to `undefined`. Services apply partial updates with `Object.assign`, which would
 * then blank every field the client did not send; a DTO carries only what was sent.
 */
function dropUnsent(value: unknown): unknown {
  if (Array.isArray(value)) {
    value.forEach(dropUnsent);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) delete record[key];
      else dropUnsent(record[key]);
    }
  }
  return value;
}

// No request shape nests deeper than a few levels; deeper input would only exhaust the stack of the
// recursive transformer and validator.
const MAX_DEPTH = 16;

/**
 * Problems no DTO decorator can catch before the transformer runs: input nested too deeply, and NUL
 * characters, which PostgreSQL refuses in text. Walks iteratively, so depth itself cannot overflow.
 */
function unsafeInput(value: unknown, root: string): FieldProblem | null {
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: path || root, reason: 'must not contain NUL characters' };
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      if (depth >= MAX_DEPTH) return { field: path || root, reason: `is nested more than ${MAX_DEPTH} levels deep` };
      const isArray = Array.isArray(v);
      for (const [key, child] of Object.entries(v)) stack.push([child, isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth + 1]);
    }
  }
  return null;
}

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problem = unsafeInput(value, metadata.type);
      if (problem) throw new AppError(400, 'VALIDATION_FAILED', `${problem.field}: ${problem.reason}`, [problem]);
    }
    return dropUnsent(await super.transform(value, metadata));
  }
}

/**
 * Whitelisting validation: unknown properties are refused (a misspelt field should not be
 * silently ignored), and every problem is reported with the field it belongs to.
 */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new AppError(400, 'VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.reason}`).join('; '), details);
    },
  });
}
