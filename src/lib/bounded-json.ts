/**
 * Untrusted JSON values (an agent's tool arguments, tool results, JSON answers) are valid JSON that can still be
 * built to hurt: nested thousands of levels deep, JSON.stringify and every recursive walk overflow the stack;
 * millions of entries, every render and save walks them all. A value is bounded once, where it enters the
 * console, so everything after it (rendering, saving, exporting) handles a value of known size.
 */

export interface ValueLimits {
  /** Containers nested deeper than this are replaced by a marker string. */
  maxDepth: number;
  /** Values (containers, strings, numbers, …) kept in all; later ones are left out with a marker. */
  maxNodes: number;
  /** A longer string is cut, with an ellipsis. */
  maxStringChars: number;
}

export const VALUE_LIMITS: ValueLimits = { maxDepth: 32, maxNodes: 5_000, maxStringChars: 100_000 };

/** What replaces a part of a value that is past the limits; said in the JSON itself, so a reader sees the cut. */
export const DEEPER_MARKER = '[…deeper levels left out]';
export const MORE_MARKER = '[…more entries left out]';

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * A copy of `value` within the limits (JSON values only: anything else becomes null). Never throws and never
 * recurses deeper than `maxDepth`, whatever the input.
 */
export function boundValue(value: unknown, limits: ValueLimits = VALUE_LIMITS): unknown {
  let nodes = 0;
  const copy = (item: unknown, depth: number): unknown => {
    nodes++;
    if (typeof item === 'string') return item.length > limits.maxStringChars ? `${item.slice(0, limits.maxStringChars)}…` : item;
    if (typeof item === 'number') return Number.isFinite(item) ? item : null;
    if (typeof item === 'boolean' || item === null) return item;
    if (!isPlainContainer(item)) return null;
    if (depth >= limits.maxDepth) return DEEPER_MARKER;
    if (Array.isArray(item)) {
      const out: unknown[] = [];
      for (const entry of item) {
        if (nodes >= limits.maxNodes) {
          out.push(MORE_MARKER);
          break;
        }
        out.push(copy(entry, depth + 1));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(item)) {
      if (nodes >= limits.maxNodes) {
        out['…'] = MORE_MARKER;
        break;
      }
      // defineProperty: a key named "__proto__" stays a plain key, as JSON.parse made it.
      Object.defineProperty(out, key, { value: copy(item[key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  try {
    return copy(value, 0);
  } catch {
    return null; // a getter that throws, a revoked proxy: not JSON, nothing to show
  }
}

/**
 * JSON text of an untrusted value for display: bounded first, at most `maxChars` characters (with an
 * ellipsis), and never an exception.
 */
export function safeStringify(value: unknown, options: { indent?: number; maxChars?: number } = {}): string {
  const { indent, maxChars = 200_000 } = options;
  let text: string;
  try {
    text = JSON.stringify(boundValue(value), null, indent) ?? 'null';
  } catch {
    text = '[a value that cannot be shown]';
  }
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
