import { redact } from '../../lib/flow-trace.ts';

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
