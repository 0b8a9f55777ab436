import { ApiError } from '../http/api-error';
import { parseFormBody } from '../http/form-body';

export type ControlBody = Record<string, unknown>;

/** Control endpoints take JSON, but form bodies work too so `curl -d key=value` is enough. */
export function parseControlBody(raw: string, contentType: string | undefined): ControlBody {
  if (raw.trim() === '') return {};
  if (contentType?.includes('json') || raw.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw ApiError.invalidRequest('Control endpoints expect a JSON object body.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw ApiError.invalidRequest('Control endpoints expect a JSON object body.');
    }
    return parsed as ControlBody;
  }
  return parseFormBody(raw);
}

export function intField(body: ControlBody, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  const parsed = typeof value === 'string' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isInteger(parsed) || parsed < 0) {
    throw ApiError.invalidParam(key, `${key} must be a non-negative integer.`);
  }
  return parsed;
}

export function boolField(body: ControlBody, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw ApiError.invalidParam(key, `${key} must be true or false.`);
}

export function stringField(body: ControlBody, key: string): string | null | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string') throw ApiError.invalidParam(key, `${key} must be a string.`);
  return value;
}

export function objectField(body: ControlBody, key: string): ControlBody | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw ApiError.invalidParam(key, `${key} must be an object.`);
  return value as ControlBody;
}
