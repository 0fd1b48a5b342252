import { unlessAborted } from '../../../lib/deadline.ts';
import { isRecord, type JsonObject as Json } from '../../../lib/json-object.ts';
import type { AgentChunk } from '../stream/agent-chunks.ts';
import { type AgentAuth, type InvokeOptions, invokeAgent } from './agent-client.ts';
import { readCapped } from './read-capped.ts';

/**
 * ADK's REST API, as the runtime behind an AgentKit agent server app serves it beside `/invoke` (the same
 * routes as ADK's own API server, Python and JavaScript): the signed-in user's sessions, each with its events,
 * and `/run_sse` to continue one. The user in every path is the token's `sub`, never anyone else.
 */

/** What the endpoint is: an ADK runtime (sessions live there), or one that only answers `/invoke`. */
export type Runtime = { kind: 'adk'; app: string } | { kind: 'invoke' };

export interface SessionSummary {
  id: string;
  /** Milliseconds since the epoch (ADK sends seconds). */
  updatedAt: number;
  /** The session's events when the list carried them (the Python server does; JavaScript strips them). */
  events?: unknown[];
}

export interface AdkSession {
  id: string;
  updatedAt: number;
  events: unknown[];
}

/** A refusal or failure of a REST call, with what the runtime said. */
export class AdkError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'AdkError';
    this.status = status;
  }
}

const REST_TIMEOUT_MS = 30_000;
/** A session with a long history is large; beyond this it is cut (and not shown) rather than exhausting the tab. */
const MAX_REST_BYTES = 16 * 1024 * 1024;

function seconds(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : 0;
}

function field(record: Json, camel: string, snake: string): unknown {
  return Object.hasOwn(record, camel) ? record[camel] : record[snake];
}

/** One REST call with the bearer token: renewed and replayed once on 401/403, within a deadline, never redirected. */
async function adkJson(
  endpoint: string,
  auth: AgentAuth,
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  renew = true,
): Promise<unknown> {
  const outer = signal ?? new AbortController().signal;
  await unlessAborted(auth.settled(), outer);
  let token = auth.accessToken();
  if (!token) throw new AdkError(401, 'not signed in');
  for (let attempt = 0; ; attempt++) {
    const deadline = AbortSignal.any([outer, AbortSignal.timeout(REST_TIMEOUT_MS)]);
    const response = await fetch(`${endpoint}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: deadline,
      credentials: 'omit',
      redirect: 'error',
    });
    if ((response.status === 401 || response.status === 403) && attempt === 0 && renew) {
      const renewed = await unlessAborted(auth.renew(), outer);
      if (renewed && renewed !== token) {
        await response.body?.cancel();
        token = renewed;
        continue;
      }
    }
    const { text, cut } = await readCapped(response.body, MAX_REST_BYTES, deadline);
    if (cut) throw new AdkError(response.status, 'the answer was too large or did not end in time');
    if (!response.ok) throw new AdkError(response.status, errorText(text) || `HTTP ${response.status}`);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AdkError(response.status, 'the answer was not JSON');
    }
  }
}

/** `{"error": "…"}`, `{"detail": "…"}` (FastAPI) or `{"error": {"message"}}`, cut to a line. */
function errorText(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (isRecord(body)) {
      const error = body.error ?? body.detail ?? body.message;
      const message = isRecord(error) ? error.message : error;
      if (typeof message === 'string') return message.slice(0, 300);
    }
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 300);
}

function userPath(runtime: { app: string }, auth: AgentAuth): string {
  const sub = auth.subject();
  if (!sub) throw new AdkError(401, 'not signed in');
  return `/apps/${encodeURIComponent(runtime.app)}/users/${encodeURIComponent(sub)}/sessions`;
}

/**
 * Asks the endpoint what it is: `GET /list-apps` answered with a list of names is an ADK runtime (the app is the
 * first name); 404 or 405 is a runtime that only answers `/invoke`. Anything else (down, refusing) throws.
 */
export async function probeRuntime(endpoint: string, auth: AgentAuth, signal?: AbortSignal): Promise<Runtime> {
  try {
    // No renewal for a refusal here: a gateway that does not route /list-apps may answer 401 to a good token.
    const apps = await adkJson(endpoint, auth, 'GET', '/list-apps', undefined, signal, false);
    const app = Array.isArray(apps) ? apps.find((name): name is string => typeof name === 'string' && name.length > 0) : undefined;
    return app ? { kind: 'adk', app } : { kind: 'invoke' };
  } catch (error) {
    if (error instanceof AdkError && (error.status === 404 || error.status === 405)) return { kind: 'invoke' };
    throw error;
  }
}

function summary(value: unknown): SessionSummary | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  const events = Array.isArray(value.events) && value.events.length > 0 ? value.events : undefined;
  return { id: value.id, updatedAt: seconds(field(value, 'lastUpdateTime', 'last_update_time')), ...(events ? { events } : {}) };
}

/** The user's sessions, newest first: a list (Python) or `{sessions, …}` (JavaScript's paged answer). */
export async function listSessions(
  endpoint: string,
  runtime: { app: string },
  auth: AgentAuth,
  signal?: AbortSignal,
): Promise<SessionSummary[]> {
  const answer = await adkJson(endpoint, auth, 'GET', userPath(runtime, auth), undefined, signal);
  const list = Array.isArray(answer) ? answer : isRecord(answer) && Array.isArray(answer.sessions) ? answer.sessions : [];
  return list
    .map(summary)
    .filter((session): session is SessionSummary => !!session)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function getSession(
  endpoint: string,
  runtime: { app: string },
  auth: AgentAuth,
  id: string,
  signal?: AbortSignal,
): Promise<AdkSession> {
  const answer = await adkJson(endpoint, auth, 'GET', `${userPath(runtime, auth)}/${encodeURIComponent(id)}`, undefined, signal);
  if (!isRecord(answer)) throw new AdkError(200, 'the session was not an object');
  return {
    id,
    updatedAt: seconds(field(answer, 'lastUpdateTime', 'last_update_time')),
    events: Array.isArray(answer.events) ? answer.events : [],
  };
}

/** Creates session `id` (ADK's run_sse needs it first); one that exists already is fine. */
export async function createSession(endpoint: string, runtime: { app: string }, auth: AgentAuth, id: string, signal?: AbortSignal) {
  try {
    await adkJson(endpoint, auth, 'POST', `${userPath(runtime, auth)}/${encodeURIComponent(id)}`, {}, signal);
  } catch (error) {
    if (error instanceof AdkError && (error.status === 409 || (error.status === 400 && /exist/i.test(error.message)))) return;
    throw error;
  }
}

export async function deleteSession(endpoint: string, runtime: { app: string }, auth: AgentAuth, id: string) {
  await adkJson(endpoint, auth, 'DELETE', `${userPath(runtime, auth)}/${encodeURIComponent(id)}`);
}

/** A message to session `sessionId` through `/run_sse`: the same call path (token, renewal, deadlines, log) as /invoke. */
export function runSse(options: InvokeOptions & { runtime: { app: string } }): AsyncGenerator<AgentChunk> {
  const userId = options.auth.subject();
  return invokeAgent({
    ...options,
    request: {
      path: '/run_sse',
      body: {
        appName: options.runtime.app,
        userId,
        sessionId: options.sessionId,
        newMessage: { role: 'user', parts: [{ text: options.prompt }] },
        streaming: true,
      },
    },
  });
}
