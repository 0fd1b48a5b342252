import { getLanguage } from '../../../i18n/index.ts';
import { unlessAborted } from '../../../lib/deadline.ts';
import { type AgentChunk, chunksWithEvent, eventsOfJsonAnswer } from '../stream/agent-chunks.ts';
import { MAX_SSE_EVENT_CHARS, readSse, SseEventTooLargeError } from '../stream/parse-sse.ts';
import { AgentCallError, type AgentFailure, diagnoseNetworkError, failureFromResponse } from './agent-failure.ts';
import type { CallLog } from './call-log.ts';
import { readCapped } from './read-capped.ts';

/** What the HTTP module needs from the session; the auth feature provides it. */
export interface AgentAuth {
  accessToken(): string | undefined;
  subject(): string | undefined;
  /** True when the token is past its expiry (or about to be) and must be renewed before use. */
  tokenExpired(): boolean;
  /** Renews silently; concurrent callers share one renewal. Resolves to the new token, or undefined. */
  renew(): Promise<string | undefined>;
  /** Resolves once the session is known (start-up restore or a sign-in callback finished). */
  settled(): Promise<void>;
}

export interface InvokeOptions {
  endpoint: string;
  prompt: string;
  sessionId: string;
  auth: AgentAuth;
  log: CallLog;
  signal: AbortSignal;
  /** Like `agentkit invoke`: 300 s for a JSON answer, 600 s of silence for a stream. */
  jsonTimeoutMs?: number;
  streamIdleTimeoutMs?: number;
  /** Caps, lowered by tests: one answer's body, and one SSE event. */
  maxAnswerBytes?: number;
  maxEventChars?: number;
  /**
   * Where the message goes and as what: by default `POST <endpoint>/invoke` with `{"prompt"}` (AgentKit's shim);
   * an ADK runtime takes `/run_sse` with ADK's own body (see adk-client.ts).
   */
  request?: { path: string; body: unknown };
}

const JSON_TIMEOUT_MS = 300_000;
const STREAM_IDLE_TIMEOUT_MS = 600_000;
/** An answer past this is cut: the console stops reading (and the call) so one answer cannot exhaust the tab. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const MIB = 1024 * 1024;

/** The body passed the answer cap: what was read so far stays on screen, the call is cut. */
class AnswerTooLargeError extends Error {}

function mebibytes(bytes: number): number {
  return Math.round((bytes / MIB) * 100) / 100;
}

function tooLarge(error: unknown, maxAnswerBytes: number): AgentFailure | undefined {
  if (error instanceof AnswerTooLargeError)
    return { kind: 'too-large', message: 'agent.error.answerTooLarge', params: { mib: mebibytes(maxAnswerBytes) } };
  if (error instanceof SseEventTooLargeError)
    return { kind: 'too-large', message: 'agent.error.frameTooLarge', params: { mib: mebibytes(error.limit) } };
  return undefined;
}

/** Aborts with the user's signal, or when `arm`ed time runs out; knows which of the two happened. */
class Deadline {
  readonly controller = new AbortController();
  timedOutAfterMs: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(signal: AbortSignal) {
    if (signal.aborted) this.controller.abort();
    else signal.addEventListener('abort', () => this.controller.abort(), { once: true });
  }
  arm(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOutAfterMs = ms;
      this.controller.abort();
    }, ms);
  }
  clear() {
    clearTimeout(this.timer);
  }
}

function headersFor(token: string | undefined, sub: string | undefined, sessionId: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    // The console's language, not the browser's: an agent that speaks several answers in the one the user chose.
    'accept-language': getLanguage(),
    session_id: sessionId,
    // Without a token the call goes out bare, so the runtime answers 401 as in the seed.
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(token && sub ? { user_id: sub } : {}),
  };
}

/**
 * The one path to the agent: attaches the bearer token, renews once and replays once on 401/403,
 * maps every failure to an AgentFailure, logs each attempt, and yields the answer as it arrives.
 */
export async function* invokeAgent(options: InvokeOptions): AsyncGenerator<AgentChunk> {
  const { auth, log } = options;
  const url = `${options.endpoint}${options.request?.path ?? '/invoke'}`;
  const body = JSON.stringify(options.request?.body ?? { prompt: options.prompt });
  // A message sent while the session is being restored waits for it rather than going out unauthenticated;
  // "Stop" ends that wait, and a renewal's, at once (the renewal itself goes on for the session's sake).
  await unlessAborted(auth.settled(), options.signal);
  let token = auth.accessToken();
  if (token && auth.tokenExpired()) token = (await unlessAborted(auth.renew(), options.signal)) ?? token;

  for (let attempt = 0; ; attempt++) {
    const deadline = new Deadline(options.signal);
    const callId = log.start({ sub: token ? auth.subject() : undefined, replay: attempt > 0 });
    const started = performance.now();
    let bytes = 0;
    const finish = (outcome: 'ok' | 'failed' | 'stopped', status?: number) =>
      log.update(callId, { outcome, latencyMs: Math.round(performance.now() - started), bytes, ...(status ? { status } : {}) });
    const stopped = () => options.signal.aborted && deadline.timedOutAfterMs === undefined;
    const timeoutError = () =>
      new AgentCallError({
        kind: 'timeout',
        message: 'agent.error.timeout',
        params: { seconds: Math.round((deadline.timedOutAfterMs ?? 0) / 1000) },
      });

    let response: Response;
    deadline.arm(options.jsonTimeoutMs ?? JSON_TIMEOUT_MS);
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: headersFor(token, auth.subject(), options.sessionId),
        body,
        signal: deadline.controller.signal,
        credentials: 'omit',
        // A gateway that redirects must not get the prompt and the bearer token replayed to wherever it points.
        redirect: 'error',
      });
    } catch (error) {
      deadline.clear();
      if (stopped()) {
        finish('stopped');
        throw error;
      }
      finish('failed');
      if (deadline.timedOutAfterMs !== undefined) throw timeoutError();
      throw new AgentCallError(await diagnoseNetworkError(url, options.endpoint));
    }

    if ((response.status === 401 || response.status === 403) && token && attempt === 0) {
      finish('failed', response.status);
      deadline.clear();
      // What the runtime said is read beside the renewal (within its own deadline): it is the report when no new
      // token comes, and a body that is slow to end does not hold the replay back.
      const refusal = failureFromResponse(response, { signedIn: true, url, now: Date.now() });
      refusal.catch(() => undefined); // not read when the replay goes out
      const renewed = await unlessAborted(auth.renew(), options.signal);
      // The same token back (renewed moments ago) would only be refused again: report the refusal instead.
      if (renewed && renewed !== token) {
        token = renewed;
        continue;
      }
      throw new AgentCallError(await unlessAborted(refusal, options.signal));
    }
    if (!response.ok) {
      deadline.clear();
      const failure = await failureFromResponse(response, { signedIn: !!token, url, now: Date.now() });
      finish('failed', response.status);
      throw new AgentCallError(failure);
    }

    const streamed = (response.headers.get('content-type') ?? '').includes('text/event-stream');
    const maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
    log.update(callId, { streamed, status: response.status });
    let seq = 0;
    try {
      if (streamed && response.body) {
        deadline.arm(options.streamIdleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS);
        const onBytes = (count: number) => {
          bytes += count;
          // Thrown before the chunk is parsed: the answer keeps only what arrived within the cap.
          if (bytes > maxAnswerBytes) throw new AnswerTooLargeError();
          deadline.arm(options.streamIdleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS);
        };
        for await (const event of readSse(response.body, onBytes, options.maxEventChars ?? MAX_SSE_EVENT_CHARS)) {
          yield* chunksWithEvent(event.data, seq++);
        }
      } else {
        const { text, cut } = await readCapped(response.body, maxAnswerBytes, deadline.controller.signal);
        bytes = new TextEncoder().encode(text).byteLength;
        deadline.controller.signal.throwIfAborted(); // stopped or timed out while reading
        if (cut) throw new AnswerTooLargeError();
        let value: unknown = text;
        try {
          value = JSON.parse(text);
        } catch {
          // A non-JSON 200 is shown as text.
        }
        for (const event of eventsOfJsonAnswer(value)) yield { type: 'event', seq: seq++, event };
        yield { type: 'json', value };
      }
    } catch (error) {
      if (stopped()) {
        finish('stopped', response.status);
        throw error;
      }
      finish('failed', response.status);
      const cap = tooLarge(error, maxAnswerBytes);
      if (cap) {
        deadline.controller.abort(); // closes the connection: the rest of the answer is not downloaded
        throw new AgentCallError(cap);
      }
      if (deadline.timedOutAfterMs !== undefined) throw timeoutError();
      throw new AgentCallError({
        kind: 'stream',
        message: 'agent.error.streamBroken',
        params: { detail: String((error as Error).message ?? error) },
      });
    } finally {
      deadline.clear();
    }
    finish('ok', response.status);
    return;
  }
}
