import { ListStore } from '../../lib/list-store.ts';

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

async function sha256Base64Url(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

interface StoredSigninState {
  id?: string;
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  nonce?: string;
  code_verifier?: string;
  response_mode?: string;
}

/**
 * The authorize request as it was sent, rebuilt from the sign-in state saved before the redirect:
 * the code_challenge is derived again from the verifier, and the verifier itself is never shown.
 */
export async function authorizeParams(stored: string | null): Promise<Record<string, string> | undefined> {
  if (!stored) return undefined;
  let state: StoredSigninState;
  try {
    state = JSON.parse(stored) as StoredSigninState;
  } catch {
    return undefined;
  }
  return {
    response_type: 'code',
    client_id: state.client_id ?? '',
    redirect_uri: state.redirect_uri ?? '',
    scope: state.scope ?? '',
    state: state.id ?? '',
    ...(state.nonce ? { nonce: redact(state.nonce) } : {}),
    ...(state.code_verifier ? { code_challenge: await sha256Base64Url(state.code_verifier), code_challenge_method: 'S256' } : {}),
    ...(state.response_mode ? { response_mode: state.response_mode } : {}),
  };
}
