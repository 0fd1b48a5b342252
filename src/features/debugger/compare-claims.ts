import { safeStringify } from '../../lib/bounded-json.ts';

export interface ComparedRow {
  /** A claim name, or `header.<field>` for a header field. */
  name: string;
  first?: string;
  second?: string;
  differs: boolean;
}

/** Rows shown at most; the rest are counted ("and N more"), as a token may carry thousands of claims. */
export const MAX_COMPARED_ROWS = 200;
const MAX_VALUE_CHARS = 2_000;

function shown(fields: Record<string, unknown>, name: string): string | undefined {
  if (!Object.hasOwn(fields, name)) return undefined;
  const value = fields[name];
  return typeof value === 'string' ? value.slice(0, MAX_VALUE_CHARS) : safeStringify(value, { maxChars: MAX_VALUE_CHARS });
}

function rowsOf(prefix: string, first: Record<string, unknown>, second: Record<string, unknown>): ComparedRow[] {
  const names = [...new Set([...Object.keys(first), ...Object.keys(second)])];
  return names.map((name) => {
    const a = shown(first, name);
    const b = shown(second, name);
    return {
      name: `${prefix}${name}`,
      ...(a !== undefined ? { first: a } : {}),
      ...(b !== undefined ? { second: b } : {}),
      differs: a !== b,
    };
  });
}

/**
 * The header fields and claims of two tokens side by side, those that differ first (in the order the first token
 * lists them): what changed across a renewal, or between the token that works and the one that does not.
 */
export function compareTokens(
  first: { header: Record<string, unknown>; payload: Record<string, unknown> },
  second: { header: Record<string, unknown>; payload: Record<string, unknown> },
): { rows: ComparedRow[]; differing: number; more: number } {
  const all = [...rowsOf('', first.payload, second.payload), ...rowsOf('header.', first.header, second.header)];
  const sorted = [...all.filter((row) => row.differs), ...all.filter((row) => !row.differs)];
  return {
    rows: sorted.slice(0, MAX_COMPARED_ROWS),
    differing: all.filter((row) => row.differs).length,
    more: Math.max(0, sorted.length - MAX_COMPARED_ROWS),
  };
}
