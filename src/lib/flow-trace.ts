import { ListStore } from './list-store.ts';

/** A secret kept as its first characters and its length only; the inspector words it in the reader's language. */
export interface Redacted {
  readonly start: string;
  readonly length: number;
}
export type FlowValue = string | Redacted;

/** How tokens arrived: at start-up (prompt=none), by the code exchange, or by a renewal. */
export type TokensVia = 'startup' | 'code' | 'refresh_token' | 'iframe';

export interface ReceivedToken {
  name: 'access_token' | 'id_token' | 'refresh_token';
  /** Absent for a refresh token, whose format is the pool's business. */
  format?: 'jwt' | 'opaque';
  value: Redacted;
}

/** What the debugger's flow inspector shows of the last sign-in and each renewal. Never a secret. */
export type FlowEntry = { id: number; at: number } & (
  | { kind: 'discovery'; endpoints: Record<string, string | undefined> }
  | { kind: 'authorize'; endpoint?: string; params: Record<string, FlowValue> }
  | { kind: 'callback'; stateMatched: boolean; code?: Redacted; iss?: string; error?: string }
  | {
      kind: 'tokens';
      via: TokensVia;
      tokenType: string;
      expiresIn?: number;
      scope?: string;
      received: ReceivedToken[];
      clockOffsetSeconds?: number;
    }
  | { kind: 'renewal'; method: 'refresh_token' | 'iframe'; outcome: 'ok' | 'failed'; detail?: string }
);

export type NewFlowEntry = FlowEntry extends infer E ? (E extends FlowEntry ? Omit<E, 'id'> : never) : never;

export class FlowTrace extends ListStore<FlowEntry> {
  record(entry: NewFlowEntry) {
    this.push(entry as Omit<FlowEntry, 'id'>);
  }
}

export function redact(secret: string): Redacted {
  return { start: secret.slice(0, 4), length: secret.length };
}
