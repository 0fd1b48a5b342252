import { ListStore } from './list-store.ts';

/** What the debugger's flow inspector shows of the last sign-in and each renewal. Never a secret. */
export type FlowEntry = { id: number; at: number } & (
  | { kind: 'discovery'; endpoints: Record<string, string | undefined> }
  | { kind: 'authorize'; endpoint?: string; params: Record<string, string> }
  | { kind: 'callback'; stateMatched: boolean; code: string; iss?: string; error?: string }
  | { kind: 'tokens'; via: string; tokenType: string; expiresIn?: number; scope?: string; received: string[]; clockOffsetSeconds?: number }
  | { kind: 'renewal'; method: 'refresh_token' | 'iframe'; outcome: 'ok' | 'failed'; detail?: string }
);

export type NewFlowEntry = FlowEntry extends infer E ? (E extends FlowEntry ? Omit<E, 'id'> : never) : never;

export class FlowTrace extends ListStore<FlowEntry> {
  record(entry: NewFlowEntry) {
    this.push(entry as Omit<FlowEntry, 'id'>);
  }
}

export function redact(secret: string): string {
  return `${secret.slice(0, 4)}… (${secret.length} characters, redacted)`;
}
