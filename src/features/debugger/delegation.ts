/**
 * Who is acting, from a token's `act` claim (RFC 8693 §4.1): `sub` is whom the token is about, the outermost `act`
 * the current actor, each nested `act` an earlier one. Read as the chain of delegation, first to last:
 * user (sub) → the agent it delegated to → the tool the agent delegated to.
 */
import { isRecord } from '../../lib/json-object.ts';
export interface Actor {
  /** The actor's `sub`; undefined when the claim has none (shown as such, not guessed). */
  sub?: string;
  clientId?: string;
  role: 'subject' | 'prior' | 'current';
}

export interface Delegation {
  actors: Actor[];
  /** Nesting past MAX_ACTORS, or an `act` that is not an object: the rest is not read. */
  cut: boolean;
}

/** A delegation chain longer than this is not a chain anyone can read, and a token may nest `act` without end. */
export const MAX_ACTORS = 10;

function field(record: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(record, name) ? record[name] : undefined;
  return typeof value === 'string' && value ? value.slice(0, 200) : undefined;
}

/** The chain of a token with an `act` claim; undefined for a token that carries none (nobody acts for anyone). */
export function delegationOf(payload: Record<string, unknown>): Delegation | undefined {
  if (!Object.hasOwn(payload, 'act')) return undefined;
  const actors: Actor[] = [];
  let cut = false;
  let act: unknown = payload.act;
  while (act !== undefined) {
    if (!isRecord(act) || actors.length >= MAX_ACTORS) {
      cut = true;
      break;
    }
    const sub = field(act, 'sub');
    const clientId = field(act, 'client_id');
    actors.push({ role: 'prior', ...(sub ? { sub } : {}), ...(clientId ? { clientId } : {}) });
    act = Object.hasOwn(act, 'act') ? act.act : undefined;
  }
  // Read outermost first; the chain runs the other way, from the user to the current actor.
  actors.reverse();
  if (actors.length > 0) actors[actors.length - 1].role = 'current';
  const subject = field(payload, 'sub');
  return { actors: [{ role: 'subject', ...(subject ? { sub: subject } : {}) }, ...actors], cut };
}
