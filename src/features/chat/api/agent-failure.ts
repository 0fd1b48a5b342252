import { blockedByPolicy } from '../../../config/policy-blocked.ts';
import { RESTAMP_COMMAND } from '../../../config/stamped-policy.ts';
import type { MessageKey, MessageParams } from '../../../i18n/index.ts';
import { errorFrameTexts, type FailureEvidence } from '../../../lib/agentkit-errors.ts';
import { answersAtAll } from '../../../lib/http-probe.ts';
import { bearerError } from '../../../lib/www-authenticate.ts';
import { readCapped } from './read-capped.ts';

export interface AgentFailure {
  kind:
    | 'unauthorized'
    | 'rejected'
    | 'bad-request'
    | 'not-found'
    | 'rate-limited'
    | 'server'
    | 'proxy'
    | 'http'
    | 'network'
    | 'cors'
    | 'csp'
    | 'offline'
    | 'timeout'
    | 'stream'
    | 'redirect'
    | 'too-large';
  status?: number;
  message: MessageKey;
  params: MessageParams;
  /** 429: when sending makes sense again (epoch ms). */
  retryAt?: number;
  /** 401/403: the runtime's own reason, from WWW-Authenticate error_description. */
  description?: string;
  /**
   * What the server sent, for the explainer (src/lib/agentkit-errors.ts): its status, challenge and words, each
   * bounded (it is kept with the conversation). Never a token: error bodies and challenges only.
   */
  evidence?: FailureEvidence;
}

export class AgentCallError extends Error {
  readonly failure: AgentFailure;
  constructor(failure: AgentFailure) {
    super(failure.kind);
    this.failure = failure;
  }
}

/** error_description from a Bearer challenge, the reason a custom_jwt check gives for a 401. */
export function challengeDescription(header: string | null): string | undefined {
  return bearerError(header)?.description;
}

/** Evidence kept per failure: a challenge, a message and a type, each cut to this. */
const EVIDENCE_CHARS = 500;

function evidenceOf(status: number, challenge: string | null, said: (string | undefined)[]): FailureEvidence {
  const texts = said.filter((text): text is string => !!text).map((text) => text.slice(0, EVIDENCE_CHARS));
  return { status, ...(challenge ? { challenge: challenge.slice(0, EVIDENCE_CHARS * 2) } : {}), texts };
}

/**
 * What the explainer reads of a failure: the raw error frame when the answer's events are still in memory (its
 * `error` field holds the exception the simple app's generic `message` hides), else what the failure kept.
 */
export function failureEvidence(failure: AgentFailure, lastEvent?: unknown): FailureEvidence {
  if (failure.evidence) return failure.evidence;
  const frame = failure.kind === 'stream' ? errorFrameTexts(lastEvent) : undefined;
  if (frame) return { texts: frame };
  const said = [failure.params.message, failure.params.type, failure.params.detail, failure.description];
  return { ...(failure.status ? { status: failure.status } : {}), texts: said.filter((text) => text !== undefined).map(String) };
}

/** A hostile or broken gateway must not lock Send for days: waits beyond this are cut to it. */
export const MAX_RETRY_AFTER_MS = 300_000;
/** Error bodies are read for their message only: a little of them, briefly, even when they never end. */
export const ERROR_BODY_MAX_BYTES = 64 * 1024;
export const ERROR_BODY_TIMEOUT_MS = 5_000;
/** The redirect probe answers quickly or not at all. */
const PROBE_TIMEOUT_MS = 5_000;

function retryAfterMs(header: string | null, now: number): number {
  const date = header ? Date.parse(header) : Number.NaN;
  const seconds = header ? Number(header) : Number.NaN;
  const wait = Number.isFinite(seconds) ? seconds * 1000 : Number.isNaN(date) ? 5_000 : date - now;
  return Math.min(Math.max(0, wait), MAX_RETRY_AFTER_MS);
}

interface ErrorBody {
  message?: string;
  type?: string;
  /** `{"error": {"message", "type"}}`, AgentKit's own shape. */
  agentKit: boolean;
  /** The message came from a JSON field, not from a page of text (a proxy's HTML, say). */
  structured?: boolean;
}

/** The AgentKit error body `{"error": {"message", "type"}}`, or whatever text the server sent. */
async function readErrorBody(response: Response, timeoutMs: number): Promise<ErrorBody> {
  const { text } = await readCapped(response.body, ERROR_BODY_MAX_BYTES, AbortSignal.timeout(timeoutMs));
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; type?: unknown } | string; message?: unknown; detail?: unknown };
    if (body && typeof body.error === 'object' && body.error) {
      const message = String(body.error.message ?? '');
      return { message, type: body.error.type ? String(body.error.type) : undefined, agentKit: true, structured: true };
    }
    if (typeof body?.message === 'string') return { message: body.message, agentKit: false, structured: true };
    // ADK's REST routes answer {"error": "Session not found"}; FastAPI's own errors {"detail": "…"}.
    if (typeof body?.error === 'string') return { message: body.error, agentKit: false, structured: true };
    if (typeof body?.detail === 'string') return { message: body.detail, agentKit: false, structured: true };
  } catch {
    // not JSON
  }
  return { message: text.trim().slice(0, 300) || undefined, agentKit: false };
}

export async function failureFromResponse(
  response: Response,
  context: { signedIn: boolean; url: string; now: number; bodyTimeoutMs?: number },
): Promise<AgentFailure> {
  const body = await readErrorBody(response, context.bodyTimeoutMs ?? ERROR_BODY_TIMEOUT_MS);
  const challenge = response.headers.get('www-authenticate');
  const failure = failureOfStatus(response, body, context);
  const said = [...new Set([failure.description, body.message, body.type])];
  return { ...failure, evidence: evidenceOf(response.status, challenge, said) };
}

function failureOfStatus(response: Response, body: ErrorBody, context: { signedIn: boolean; url: string; now: number }): AgentFailure {
  const { status } = response;
  // The server's own words go into a sentence written around them (a variant per key, one per language).
  const detail = body.message;
  const text = (plain: MessageKey, quoting: MessageKey, params: MessageParams = {}) =>
    detail ? { message: quoting, params: { ...params, detail } } : { message: plain, params };
  if (status === 401 || status === 403) {
    const description = challengeDescription(response.headers.get('www-authenticate')) ?? body.message;
    if (!context.signedIn) return { kind: 'unauthorized', status, message: 'agent.error.unauthorized', params: { status } };
    return {
      kind: 'rejected',
      status,
      ...(description
        ? { message: 'agent.error.rejectedBecause', params: { status, description } }
        : { message: 'agent.error.rejected', params: { status } }),
      description,
    };
  }
  if (status === 400) return { kind: 'bad-request', status, ...text('agent.error.badRequest', 'agent.error.badRequestDetail') };
  if (status === 404) {
    // A route the runtime has, refusing what it was asked ("Session not found"), is not a missing entrypoint.
    if (body.structured && detail)
      return { kind: 'not-found', status, message: 'agent.error.notFoundDetail', params: { url: context.url, detail } };
    return { kind: 'not-found', status, message: 'agent.error.notFound', params: { url: context.url } };
  }
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'), context.now);
    return {
      kind: 'rate-limited',
      status,
      message: 'agent.error.rateLimited',
      params: { seconds: Math.ceil(wait / 1000) },
      retryAt: context.now + wait,
    };
  }
  if (status >= 500 && !body.agentKit)
    return { kind: 'proxy', status, ...text('agent.error.proxy', 'agent.error.proxyDetail', { status }) };
  if (status >= 500)
    return { kind: 'server', status, ...text('agent.error.server', 'agent.error.serverDetail', { status, type: body.type ?? 'Error' }) };
  return { kind: 'http', status, ...text('agent.error.http', 'agent.error.httpDetail', { status }) };
}

/**
 * /invoke goes out with `redirect: 'error'`, which fails like any network error. This asks the endpoint again
 * with nothing of the user's (no token, no prompt, no headers) and without following, to see a redirect.
 */
export async function answersWithRedirect(url: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    void response.body?.cancel().catch(() => {});
    return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
  } catch {
    return false;
  }
}

/**
 * Blocked by this page's own Content-Security-Policy (stamped for another config.json), offline, redirected,
 * blocked by CORS (the agent answers a no-cors probe), or not reachable at all.
 */
export async function diagnoseNetworkError(url: string, endpoint: string, fetchImpl: typeof fetch = fetch): Promise<AgentFailure> {
  if (await blockedByPolicy(url)) return { kind: 'csp', message: 'agent.error.csp', params: { url, command: RESTAMP_COMMAND } };
  if (typeof navigator !== 'undefined' && navigator.onLine === false)
    return { kind: 'offline', message: 'agent.error.offline', params: {} };
  if (await answersWithRedirect(url, fetchImpl)) return { kind: 'redirect', message: 'agent.error.redirect', params: { url } };
  const crossOrigin = new URL(url, window.location.href).origin !== window.location.origin;
  if (crossOrigin) {
    if (await answersAtAll(`${endpoint}/ping`, fetchImpl))
      return { kind: 'cors', message: 'agent.error.cors', params: { url, origin: window.location.origin } };
  }
  return { kind: 'network', message: 'agent.error.network', params: { url } };
}
