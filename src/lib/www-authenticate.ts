/** One challenge of a WWW-Authenticate header: `Bearer error="invalid_token", error_description="…"`. */
export interface Challenge {
  /** Lower case: "bearer", "basic", … */
  scheme: string;
  params: Record<string, string>;
}

/** A header longer than this is no challenge a gateway sends; the rest is not read. */
const MAX_HEADER_CHARS = 4_096;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/**
 * The challenges of a WWW-Authenticate header (RFC 9110 §11.6.1): auth-params as `name=token` or
 * `name="quoted string"` with backslash escapes. Parsed, not searched: a description that contains
 * `error="…"` is a description. Never throws; what cannot be read ends the parse.
 */
export function parseChallenges(header: string | null | undefined): Challenge[] {
  let rest = (header ?? '').slice(0, MAX_HEADER_CHARS);
  const challenges: Challenge[] = [];
  const skip = (pattern: RegExp) => {
    rest = rest.replace(pattern, '');
  };
  while (rest.trim()) {
    skip(/^[\s,]+/);
    const scheme = TOKEN.exec(rest)?.[0];
    if (!scheme) break;
    rest = rest.slice(scheme.length);
    const params: Record<string, string> = Object.create(null);
    challenges.push({ scheme: scheme.toLowerCase(), params });
    for (;;) {
      const before = rest;
      skip(/^[\s,]+/);
      const name = TOKEN.exec(rest)?.[0];
      if (!name) break;
      const afterName = rest.slice(name.length).replace(/^\s*/, '');
      if (!afterName.startsWith('=')) {
        // A token not followed by "=" is the next challenge's scheme (or token68 data): give it back.
        rest = before;
        break;
      }
      rest = afterName.slice(1).replace(/^\s*/, '');
      let value = '';
      if (rest.startsWith('"')) {
        let index = 1;
        for (; index < rest.length && rest[index] !== '"'; index++) {
          if (rest[index] === '\\' && index + 1 < rest.length) index++;
          value += rest[index];
        }
        rest = rest.slice(index + 1);
      } else {
        value = TOKEN.exec(rest)?.[0] ?? '';
        rest = rest.slice(value.length);
      }
      params[name.toLowerCase()] = value;
    }
  }
  return challenges;
}

/** The Bearer challenge's `error` and `error_description` (RFC 6750 §3), when there is one. */
export function bearerError(header: string | null | undefined): { error?: string; description?: string; scope?: string } | undefined {
  const bearer = parseChallenges(header).find((challenge) => challenge.scheme === 'bearer');
  if (!bearer) return undefined;
  const { error, error_description: description, scope } = bearer.params;
  return { ...(error ? { error } : {}), ...(description ? { description } : {}), ...(scope ? { scope } : {}) };
}
