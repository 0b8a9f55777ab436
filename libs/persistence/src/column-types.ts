import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `bigint` arrives from node-postgres as a string. Amounts are integer fen and counts are
 * integers, both well inside Number's safe range; this transformer converts and refuses anything else.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is outside the safe integer range`);
    return n;
  },
};

/** `date` columns as plain YYYY-MM-DD strings: a calendar day, never shifted by a time zone. */
export const dateColumn = { type: 'date' as const };
