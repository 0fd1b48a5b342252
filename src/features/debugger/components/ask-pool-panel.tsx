import { useState } from 'react';
import { td } from '../../../i18n/debugger.ts';
import { discoveryUrlOf } from '../../../lib/http-probe.ts';
import { callPool, type PoolAnswer } from '../api/call-pool.ts';
import { useDiscovery } from '../api/get-discovery.ts';
import { explainPoolAnswer, type PoolRequest, rawAnswer } from '../pool-answers.ts';
import { webOrigin } from '../trust.ts';

/** What the debugger may do to the console's session after it revoked the session's own access token. */
export interface DebuggerSession {
  /** Renews now; resolves to the new access token, or undefined when there is none. */
  renew(): Promise<string | undefined>;
  /** Ends the session (the console's sign-out: every tab, the pool's logout). */
  signOut(): void;
}

type FollowUp = 'renewing' | 'renewed' | 'signed-out' | 'unchanged' | 'pasted';
type Asked = { request: PoolRequest; answer?: PoolAnswer; followUp?: FollowUp };

interface AskPoolPanelProps {
  /** The token in the Token box (normalised), and its claims when it is a JWT. */
  token: string;
  payload?: Record<string, unknown>;
  issuer: string;
  clientId: string;
  /** The Token box holds the console's current access token. */
  isSessionToken: boolean;
  session?: DebuggerSession;
}

const FOLLOW_UP = {
  renewing: 'sessionRenewing',
  renewed: 'sessionRenewed',
  'signed-out': 'sessionSignedOut',
  unchanged: 'sessionUnchanged',
  pasted: 'sessionPasted',
} as const satisfies Record<FollowUp, string>;

function claim(payload: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = payload && Object.hasOwn(payload, name) ? payload[name] : undefined;
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * "Ask the pool": userinfo and revocation for the token in the Token box, where the pool's discovery lists them on
 * its own origin (the only one the page's policy lets it reach). The answer is shown as it came, then explained.
 * Revoking the console's own access token asks first, then renews the session (or signs out) so the console never
 * goes on holding a token the pool revoked.
 */
export function AskPoolPanel({ token, payload, issuer, clientId, isSessionToken, session }: AskPoolPanelProps) {
  const discovery = useDiscovery(discoveryUrlOf(issuer), true).data;
  const [asked, setAsked] = useState<Asked>();
  const [confirming, setConfirming] = useState(false);
  const pool = webOrigin(issuer);
  const running = asked !== undefined && (asked.answer === undefined || asked.followUp === 'renewing');
  // The client the token was issued to revokes it (a public client: its id is all the pool needs).
  const client = claim(payload, 'client_id') ?? clientId;

  const endpoint = (name: 'userinfo_endpoint' | 'revocation_endpoint', url: string | undefined) => {
    if (!discovery) return { note: undefined, url: undefined };
    if (!url) return { note: td('poolNoEndpoint', { name }), url: undefined };
    if (webOrigin(url)?.origin !== pool?.origin) return { note: td('poolOffOrigin', { name, url }), url: undefined };
    return { note: undefined, url };
  };
  const userinfo = endpoint('userinfo_endpoint', discovery?.userinfoEndpoint);
  const revocation = endpoint('revocation_endpoint', discovery?.revocationEndpoint);

  const callUserinfo = async (url: string) => {
    setAsked({ request: 'userinfo' });
    const answer = await callPool(url, { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    setAsked({ request: 'userinfo', answer });
  };

  const revoke = async (url: string) => {
    setConfirming(false);
    const wasSessionToken = isSessionToken;
    setAsked({ request: 'revocation' });
    const form = new URLSearchParams({ token, client_id: client, ...(payload ? { token_type_hint: 'access_token' } : {}) });
    const answer = await callPool(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    // A form POST needs no preflight: behind a CORS refusal the pool may have revoked the token all the same.
    const mayBeRevoked = answer.kind === 'cors' || (answer.kind === 'answer' && answer.status === 200);
    if (!wasSessionToken || !session) return setAsked({ request: 'revocation', answer, followUp: 'pasted' });
    if (!mayBeRevoked) return setAsked({ request: 'revocation', answer, followUp: 'unchanged' });
    setAsked({ request: 'revocation', answer, followUp: 'renewing' });
    const renewed = await session.renew();
    if (renewed && renewed !== token) return setAsked({ request: 'revocation', answer, followUp: 'renewed' });
    setAsked({ request: 'revocation', answer, followUp: 'signed-out' });
    session.signOut();
  };

  const host = pool?.host ?? issuer;
  return (
    <section className="panel" aria-labelledby="pool-title">
      <h2 id="pool-title">{td('poolTitle')}</h2>
      <p className="meta">{td('poolIntro', { host })}</p>
      {!token && <p className="meta">{td('poolNoToken')}</p>}
      <p className="buttons">
        <button type="button" disabled={!token || !userinfo.url || running} onClick={() => userinfo.url && void callUserinfo(userinfo.url)}>
          {td('callUserinfo')}
        </button>
        <button type="button" disabled={!token || !revocation.url || running} onClick={() => setConfirming(true)}>
          {td('revoke')}
        </button>
      </p>
      {[userinfo.note, revocation.note].filter(Boolean).map((note) => (
        <p key={note} className="meta">
          {note}
        </p>
      ))}
      {confirming && revocation.url && (
        <fieldset className="notice warn confirm">
          <legend>{td(isSessionToken && session ? 'revokeConfirmSession' : 'revokeConfirmPasted', { host, client })}</legend>
          <p className="buttons">
            <button type="button" onClick={() => revocation.url && void revoke(revocation.url)}>
              {td('revokeNow')}
            </button>
            <button type="button" className="quiet" onClick={() => setConfirming(false)}>
              {td('cancel')}
            </button>
          </p>
        </fieldset>
      )}
      <div role="status">{asked && !asked.answer && <p className="meta">{td('poolAsking')}</p>}</div>
      {asked?.answer && (
        <div data-request={asked.request}>
          <h3>{td(asked.request === 'userinfo' ? 'poolAnswerUserinfo' : 'poolAnswerRevocation')}</h3>
          {asked.answer.kind === 'answer' && (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard
            <pre tabIndex={0} data-testid="pool-raw">
              {rawAnswer(asked.answer)}
            </pre>
          )}
          <p className="notice" data-testid="pool-explained" aria-live="polite">
            {explainPoolAnswer(asked.request, asked.answer, { tokenSub: claim(payload, 'sub'), clientId: client })}
          </p>
          {asked.followUp && (
            <p className="notice" data-testid="pool-session">
              {td(FOLLOW_UP[asked.followUp])}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
