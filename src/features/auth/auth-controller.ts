import type { User, UserManager } from 'oidc-client-ts';
import { getLanguage } from '../../i18n/index.ts';
import { settleWithin } from '../../lib/deadline.ts';
import { FlowTrace } from '../../lib/flow-trace.ts';
import { navigate } from '../../lib/navigation.ts';
import { type AuthFailure, clockSkewFailure, isNetworkError, noStateFailure, plainFailure } from './auth-failure.ts';
import { type AuthEvent, type AuthState, authReducer, currentUser, INITIAL_AUTH_STATE } from './auth-state.ts';
import { nextRenewalAt, renewalDelayMs, retryDelayMs, timerDelayMs } from './renewal-schedule.ts';
import { lastSignOut, liftSignOutBefore, recordSignOut, signedOutSince } from './sign-out-record.ts';
import { POOL_REQUEST_TIMEOUT_SECONDS, STATE_STORE_PREFIX } from './user-manager-settings.ts';

const CHANNEL_NAME = 'agent-console.auth';
/** Set on sign-out so a reload does not silently sign the user back in; holds no token. */
const SIGNED_OUT_FLAG = 'agent-console.signed-out';
const STARTUP_TIMEOUT_SECONDS = 4;
/** Sign-out ends the local session at once and waits at most this long for the pool's revocation. */
const SIGN_OUT_BUDGET_MS = 3_000;

/** oidc-client-ts sends no nonce in the code flow unless given one; it then checks the ID token carries it back. */
function newNonce(): string {
  return crypto.randomUUID().replaceAll('-', ''); // 122 random bits, like the library's own state ids
}

/** oidc-client-ts's ErrorTimeout: the pool did not answer within the deadline. */
const isTimeout = (error: unknown) => (error as { name?: unknown } | null)?.name === 'ErrorTimeout';

const revocable = (user: User): ('refresh_token' | 'access_token')[] =>
  user.refresh_token ? ['refresh_token', 'access_token'] : ['access_token'];

// Loaded when first needed, not with the first page: the explanations of a failure, and the debugger's record
// of the flow (which decodes tokens and hashes the PKCE verifier).
const loadDiagnosis = () => import('./auth-failure-diagnosis.ts');
const loadTracing = () => import('./flow-trace.ts');

export interface AuthControllerOptions {
  manager: UserManager;
  issuer: string;
  callbackPath: string;
  siteUrl: string;
  /** Receives the sign-in and renewal steps for the debugger's flow inspector. */
  trace?: FlowTrace;
}

/**
 * Owns the session: sign-in, the callback, silent restore at start-up, renewal (one in flight), sign-out
 * across tabs. Framework-free; React subscribes through useSyncExternalStore.
 */
export class AuthController {
  private state: AuthState = INITIAL_AUTH_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly signOutListeners = new Set<() => void>();
  private readonly options: AuthControllerOptions;
  private started: Promise<void> | undefined;
  private renewal: Promise<User | undefined> | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the restore or sign-in that gave this tab its session started (epoch ms); see sign-out-record.ts. */
  private heldSince: number | undefined;
  private lastRenewalAt: number | undefined;
  private failedRenewals = 0;
  /**
   * Counts sign-outs (here or in another tab). A restore, callback or renewal that started under an older
   * epoch finishes after a sign-out: its tokens are discarded and revoked, never shown.
   */
  private epoch = 0;
  private channel: BroadcastChannel | undefined;
  readonly trace: FlowTrace;

  constructor(options: AuthControllerOptions) {
    this.options = options;
    this.trace = options.trace ?? new FlowTrace();
  }

  /** The pool's discovery document when it can be had; the flow trace is never worth failing a sign-in. */
  private async metadata() {
    try {
      return await this.options.manager.metadataService.getMetadata();
    } catch {
      return undefined;
    }
  }

  private recordDiscovery() {
    this.traced(async (tracing) => {
      const metadata = await this.metadata();
      if (metadata) tracing.traceDiscovery(this.trace, metadata);
    });
  }

  /** Steps of the flow for the debugger's inspector, recorded in order and off the sign-in's path. */
  private tracing: Promise<void> = Promise.resolve();

  /** A trace that cannot load or record costs the sign-in nothing: the inspector shows fewer steps. */
  private traced(record: (tracing: Awaited<ReturnType<typeof loadTracing>>) => void | Promise<void>) {
    this.tracing = this.tracing.then(async () => {
      try {
        const tracing = await loadTracing();
        // After the current task: the signed-in header renders before tokens are decoded for the inspector.
        await new Promise((resolve) => setTimeout(resolve));
        await record(tracing);
      } catch {
        // Fewer steps shown.
      }
    });
  }

  getState = (): AuthState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after every sign-out, in this tab or another: the place to clear per-user data. */
  onSignOut(listener: () => void): () => void {
    this.signOutListeners.add(listener);
    return () => this.signOutListeners.delete(listener);
  }

  private dispatch(event: AuthEvent) {
    const next = authReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /** Idempotent, so StrictMode's double effect runs it once. */
  start(): Promise<void> {
    this.started ??= this.run();
    return this.started;
  }

  /** Listens to other tabs and to the page coming back into view; returns the matching clean-up. */
  attach(): () => void {
    const channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = (message) => {
      if (message.data === 'signed-out') void this.forget();
    };
    this.channel = channel;
    // A session obtained before this tab listened (the sign-in callback starts before React renders) may have
    // missed a sign-out broadcast meanwhile.
    if (currentUser(this.state) && this.heldSince !== undefined && signedOutSince(this.heldSince)) void this.forget();
    document.addEventListener('visibilitychange', this.onVisible);
    return () => {
      channel.close();
      if (this.channel === channel) this.channel = undefined;
      document.removeEventListener('visibilitychange', this.onVisible);
    };
  }

  private async run() {
    const url = new URL(window.location.href);
    if (url.pathname === this.options.callbackPath) return this.completeSignIn(url);
    // A shared link such as /?state=x is no sign-out return: only a state this tab stored before leaving is.
    const state = url.searchParams.get('state');
    if (state && !url.searchParams.has('code') && sessionStorage.getItem(`${STATE_STORE_PREFIX}${state}`) !== null) {
      return this.completeSignOut(url);
    }
    return this.restore();
  }

  /**
   * A sign-out happened since `epoch` (seen here) or since `startedAt` (recorded by a tab whose broadcast this one
   * missed): the tokens just received must not sign this tab back in, and are revoked.
   */
  private async supersededSince(epoch: number, startedAt: number): Promise<boolean> {
    if (epoch === this.epoch && !signedOutSince(startedAt)) return false;
    if (epoch === this.epoch) this.endLocalSession();
    const { manager } = this.options;
    const received = await manager.getUser().catch(() => null);
    if (received) await settleWithin(manager.revokeTokens(revocable(received)), SIGN_OUT_BUDGET_MS);
    await manager.removeUser();
    return true;
  }

  /**
   * The transient sign-in state (PKCE verifier, state, nonce) may outlive its flow: a silent request that timed
   * out, or a redirect that left before an iframe answered. Once a flow is over none of it is needed.
   */
  private clearSignInState() {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(STATE_STORE_PREFIX)) sessionStorage.removeItem(key);
    }
  }

  private async restore() {
    // Signed out in this tab, or in any tab since the last deliberate sign-in: the pool session may not have ended
    // yet (its logout is a redirect away), or at all (a pool without end-session), so do not ask it.
    if (sessionStorage.getItem(SIGNED_OUT_FLAG) || lastSignOut() !== undefined) return this.dispatch({ type: 'restore-failed' });
    const epoch = this.epoch;
    const startedAt = Date.now();
    try {
      // Memory is empty after a reload: ask the pool once, without a prompt, whether its session still stands.
      const user = await this.options.manager.signinSilent({ silentRequestTimeoutInSeconds: STARTUP_TIMEOUT_SECONDS, nonce: newNonce() });
      if (await this.supersededSince(epoch, startedAt)) return;
      if (user) {
        this.recordDiscovery();
        this.trace.record({ kind: 'renewal', at: Date.now(), method: 'iframe', outcome: 'ok', detail: 'start-up restore (prompt=none)' });
        this.traced((tracing) => tracing.traceTokens(this.trace, user, 'startup'));
        return this.accept(user, startedAt);
      }
    } catch {
      // login_required, a time-out or a blocked iframe all mean the same here: show "Sign in", quietly.
    } finally {
      // Unless the user pressed "Sign in" meanwhile: that redirect's state must survive.
      if (this.state.status !== 'signing-in') this.clearSignInState();
    }
    this.dispatch({ type: 'restore-failed' });
  }

  async signIn() {
    sessionStorage.removeItem(SIGNED_OUT_FLAG);
    this.dispatch({ type: 'sign-in-started' });
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    const returnTo = window.location.pathname === this.options.callbackPath ? '/' : here;
    try {
      // ui_locales: the pool's hosted pages speak the console's language (where the pool supports it).
      await this.options.manager.signinRedirect({ state: { returnTo }, nonce: newNonce(), ui_locales: getLanguage() });
      // It returns only when the page is shown again from the back/forward cache: the user came back unsigned.
      this.dispatch({ type: 'sign-in-abandoned' });
    } catch (error) {
      this.dispatch({ type: 'sign-in-failed', failure: await this.describe(error) });
    }
  }

  private async completeSignIn(url: URL) {
    try {
      await this.finishCallback(url);
    } finally {
      this.clearSignInState();
    }
  }

  private async finishCallback(url: URL) {
    this.dispatch({ type: 'sign-in-started' });
    const leaveCallback = (to: string) => navigate(to.startsWith('/') && !to.startsWith('//') ? to : '/', { replace: true });
    if (!url.searchParams.has('state')) {
      leaveCallback('/');
      return this.dispatch({ type: 'sign-in-failed', failure: noStateFailure() });
    }
    // Read before the library consumes it: the flow inspector rebuilds the authorize request from it.
    const stored = sessionStorage.getItem(`${STATE_STORE_PREFIX}${url.searchParams.get('state')}`);
    const epoch = this.epoch;
    const startedAt = Date.now();
    // The token request leaves first; tracing (which hashes, yielding to the page) runs while it is in flight.
    const exchange = this.options.manager.signinRedirectCallback(url.href).then(
      (user) => ({ user }),
      (error: unknown) => ({ error }),
    );
    this.traced(async (tracing) => tracing.traceCallback(this.trace, url, stored, (await this.metadata())?.authorization_endpoint));
    let user: User;
    try {
      const outcome = await exchange;
      if ('error' in outcome) throw outcome.error;
      user = outcome.user;
    } catch (error) {
      leaveCallback('/');
      return this.dispatch({ type: 'sign-in-failed', failure: await this.describe(error) });
    }
    if (await this.supersededSince(epoch, startedAt)) return leaveCallback('/');
    // A deliberate sign-in: tabs opened from now on may restore silently again.
    liftSignOutBefore(startedAt);
    const skew = clockSkewFailure(user.profile, Date.now()); // iat: the library keeps it in the profile
    if (skew) {
      await this.options.manager.removeUser();
      leaveCallback('/');
      return this.dispatch({ type: 'sign-in-failed', failure: skew });
    }
    // Replace the callback entry: code and state leave the address bar and the history.
    leaveCallback(String((user.state as { returnTo?: string } | undefined)?.returnTo ?? '/'));
    this.traced((tracing) => tracing.traceTokens(this.trace, user, 'code'));
    this.recordDiscovery();
    this.accept(user, startedAt);
  }

  private async completeSignOut(url: URL) {
    try {
      await this.options.manager.signoutRedirectCallback(url.href);
    } catch {
      // A stale or foreign state in the URL: nothing to finish, the user is signed out either way.
    }
    this.clearSignInState();
    navigate(url.pathname, { replace: true });
    this.dispatch({ type: 'signed-out' });
  }

  /** `since`: when the restore or sign-in that obtained a new session started; a renewal keeps the session's. */
  private accept(user: User, since?: number) {
    if (since !== undefined) this.heldSince = since;
    this.dispatch({ type: 'signed-in', user });
    this.schedule(user);
    this.watchExpiry(user);
  }

  /** At the token's expiry, unless it was renewed by then: "Session expired" (see `expire`). */
  private watchExpiry(user: User) {
    clearTimeout(this.expiryTimer);
    if (user.expires_at === undefined) return;
    const at = user.expires_at * 1000;
    const check = () => {
      if (currentUser(this.state) !== user) return;
      if (Date.now() < at) this.expiryTimer = setTimeout(check, timerDelayMs(at, Date.now()));
      else this.expire();
    };
    this.expiryTimer = setTimeout(check, timerDelayMs(at, Date.now()));
  }

  /**
   * The token in hand ran out while renewals fail: the header says so at once. A first renewal still in flight
   * (after a sleeping laptop wakes, say) decides instead, within its deadline. A retry in flight may still sign the
   * tab back in; none is scheduled any more.
   */
  private expire() {
    if (this.renewal && this.failedRenewals === 0) return;
    clearTimeout(this.renewTimer);
    this.dispatch({ type: 'token-expired' });
    if (this.renewal) return;
    this.failedRenewals = 0;
    void this.options.manager.removeUser();
  }

  private schedule(user: User) {
    const due = renewalDelayMs(user.expires_at, Date.now());
    if (due === undefined) return clearTimeout(this.renewTimer);
    this.renewAt(nextRenewalAt(due, Date.now(), this.lastRenewalAt));
  }

  /** Arms the renewal timer for `at` (epoch ms); a delay too long for setTimeout is reached in several steps. */
  private renewAt(at: number) {
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(
      () => {
        if (Date.now() < at) this.renewAt(at);
        else void this.renew();
      },
      timerDelayMs(at, Date.now()),
    );
  }

  /** Background tabs throttle timers: on return, renew at once if the token is due. */
  private onVisible = () => {
    const user = currentUser(this.state);
    if (document.visibilityState !== 'visible' || !user?.expires_at || renewalDelayMs(user.expires_at, Date.now()) !== 0) return;
    if (nextRenewalAt(0, Date.now(), this.lastRenewalAt) <= Date.now()) void this.renew();
  };

  /**
   * Renews silently (refresh token, else iframe); one renewal in flight, shared by every caller. Renewals start
   * at least MIN_RENEWAL_GAP_MS apart: a caller within the gap after a success gets the token just received.
   */
  renew(): Promise<User | undefined> {
    const user = currentUser(this.state);
    if (!this.renewal && user && this.failedRenewals === 0 && nextRenewalAt(0, Date.now(), this.lastRenewalAt) > Date.now()) {
      return Promise.resolve(user);
    }
    this.renewal ??= this.runRenewal().finally(() => {
      this.renewal = undefined;
    });
    return this.renewal;
  }

  private async runRenewal(): Promise<User | undefined> {
    const before = currentUser(this.state);
    if (!before) return undefined;
    const epoch = this.epoch;
    const startedAt = Date.now();
    this.lastRenewalAt = startedAt;
    this.dispatch({ type: 'renew-started' });
    const { manager } = this.options;
    let method: 'refresh_token' | 'iframe' = before.refresh_token ? 'refresh_token' : 'iframe';
    try {
      let user: User | null;
      // oidc-client-ts takes the refresh request's deadline from this argument only, not from the settings.
      const deadline = { silentRequestTimeoutInSeconds: POOL_REQUEST_TIMEOUT_SECONDS };
      try {
        user = await manager.signinSilent({ ...deadline, nonce: newNonce() });
      } catch (error) {
        // A refused refresh token may still leave a live pool session: try the iframe once. A pool that is down or
        // slow would fail the iframe's code exchange the same way, a deadline later.
        if (!before.refresh_token || isNetworkError(error) || isTimeout(error)) throw error;
        this.trace.record({ kind: 'renewal', at: Date.now(), method, outcome: 'failed', detail: (error as Error).message });
        method = 'iframe';
        user = await manager.signinSilent({ ...deadline, forceIframeAuth: true, nonce: newNonce() });
      }
      if (await this.supersededSince(epoch, startedAt)) return undefined;
      if (!user) throw new Error('the pool returned no user');
      this.failedRenewals = 0;
      this.trace.record({ kind: 'renewal', at: Date.now(), method, outcome: 'ok' });
      this.traced((tracing) => tracing.traceTokens(this.trace, user, method));
      this.accept(user);
      return user;
    } catch (error) {
      if (epoch !== this.epoch) return undefined;
      const failure = await this.describe(error);
      this.trace.record({ kind: 'renewal', at: Date.now(), method, outcome: 'failed', detail: failure.kind });
      // A pool that is down or slow gets fewer and fewer tries, while the token we hold still works; the user is
      // told, and at its expiry the header says "Session expired" (watchExpiry).
      const expiresAt = (before.expires_at ?? 0) * 1000;
      if ((failure.kind === 'unreachable' || failure.kind === 'timeout') && Date.now() < expiresAt) {
        const retryIn = retryDelayMs(++this.failedRenewals);
        const retries = Date.now() + retryIn < expiresAt;
        this.dispatch({ type: 'renew-deferred', trouble: retries ? { failure, retryInMs: retryIn } : { failure } });
        if (retries) this.renewAt(Date.now() + retryIn);
        return undefined;
      }
      this.failedRenewals = 0;
      clearTimeout(this.expiryTimer);
      await manager.removeUser();
      this.dispatch({ type: 'renew-failed', failure });
      return undefined;
    }
  }

  /**
   * Ends the local session at once, then, within SIGN_OUT_BUDGET_MS, revokes the tokens where the pool allows
   * (a hung or refusing revocation endpoint does not hold the user here) and goes on to the pool's logout.
   */
  async signOut() {
    const user = currentUser(this.state);
    const { manager } = this.options;
    // Recorded before the broadcast: a tab still loading misses the broadcast but reads the record.
    recordSignOut(Date.now());
    this.channel?.postMessage('signed-out');
    this.endLocalSession();
    const started = Date.now();
    const left = () => Math.max(0, SIGN_OUT_BUDGET_MS - (Date.now() - started));
    const metadata = await settleWithin(this.metadata(), left());
    if (user && metadata?.revocation_endpoint) await settleWithin(manager.revokeTokens(revocable(user)), left());
    if (user && metadata?.end_session_endpoint) {
      try {
        // The RP-initiated logout spec recommends id_token_hint, and pools that need it ask for a click without it.
        await manager.signoutRedirect({ id_token_hint: user.id_token, post_logout_redirect_uri: this.options.siteUrl });
        return;
      } catch {
        // Fall through to a local sign-out: the pool session may outlive it, but no token stays here.
      }
    }
    await manager.removeUser();
  }

  /**
   * Another tab signed out: drop the tokens here too, without a redirect, and revoke them (each tab got its own from
   * the pool; the signing-out tab revokes only those it held).
   */
  private async forget() {
    const user = currentUser(this.state);
    const { manager } = this.options;
    this.endLocalSession();
    if (user) await settleWithin(manager.revokeTokens(revocable(user)), SIGN_OUT_BUDGET_MS);
    await manager.removeUser();
  }

  /** Whatever is in flight now finishes into a discarded result (see `epoch`); per-user data is cleared. */
  private endLocalSession() {
    this.epoch++;
    sessionStorage.setItem(SIGNED_OUT_FLAG, '1');
    clearTimeout(this.renewTimer);
    clearTimeout(this.expiryTimer);
    this.heldSince = undefined;
    this.failedRenewals = 0;
    this.notifySignedOut();
    this.dispatch({ type: 'signed-out' });
  }

  private notifySignedOut() {
    for (const listener of this.signOutListeners) listener();
  }

  /** The access token to send now, or undefined when signed out. */
  accessToken(): string | undefined {
    return currentUser(this.state)?.access_token;
  }

  private async describe(error: unknown): Promise<AuthFailure> {
    let diagnosis: Awaited<ReturnType<typeof loadDiagnosis>>;
    try {
      diagnosis = await loadDiagnosis();
    } catch {
      return plainFailure(error);
    }
    const network = isNetworkError(error) ? await diagnosis.diagnoseNetworkFailure(this.options.issuer) : undefined;
    return diagnosis.classifyAuthError(error, { origin: window.location.origin, diagnosis: network });
  }
}
