import { type AgentChunk, chunksFromFrame } from '../stream/agent-chunks.ts';
import { readSse } from '../stream/parse-sse.ts';
import { AgentCallError, diagnoseNetworkError, failureFromResponse } from './agent-failure.ts';
import type { CallLog } from './call-log.ts';

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
}

const JSON_TIMEOUT_MS = 300_000;
const STREAM_IDLE_TIMEOUT_MS = 600_000;

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
  const url = `${options.endpoint}/invoke`;
  const body = JSON.stringify({ prompt: options.prompt });
  // A message sent while the session is being restored waits for it rather than going out unauthenticated.
  await auth.settled();
  let token = auth.accessToken();
  if (token && auth.tokenExpired()) token = (await auth.renew()) ?? token;

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
      await response.body?.cancel();
      const renewed = await auth.renew();
      if (renewed) {
        token = renewed;
        continue;
      }
      // No new token: report the runtime's refusal of the one we had.
    }
    if (!response.ok) {
      deadline.clear();
      const failure = await failureFromResponse(response, { signedIn: !!token, url, now: Date.now() });
      finish('failed', response.status);
      throw new AgentCallError(failure);
    }

    const streamed = (response.headers.get('content-type') ?? '').includes('text/event-stream');
    log.update(callId, { streamed, status: response.status });
    try {
      if (streamed && response.body) {
        deadline.arm(options.streamIdleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS);
        for await (const event of readSse(response.body, (count) => {
          bytes += count;
          deadline.arm(options.streamIdleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS);
        })) {
          yield* chunksFromFrame(event.data);
        }
      } else {
        const text = await response.text();
        bytes = new TextEncoder().encode(text).byteLength;
        let value: unknown = text;
        try {
          value = JSON.parse(text);
        } catch {
          // A non-JSON 200 is shown as text.
        }
        yield { type: 'json', value };
      }
    } catch (error) {
      if (stopped()) {
        finish('stopped', response.status);
        throw error;
      }
      finish('failed', response.status);
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
