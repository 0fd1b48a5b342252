import { randomUUID } from 'node:crypto';
import { type Event, REQUEST_CREDENTIAL_FUNCTION_CALL_NAME, StreamingMode } from '@google/adk';
import { replyTo } from '../agent/replies.ts';
import { sendFrame, startEventStream } from '../agent/sse.ts';
import { pageLanguage } from '../page-language.ts';
import { agentKitError, readJsonObject, sendJson } from './http.ts';
import { APP_NAME } from './local-agent.ts';
import { credentialRequests, streamRun } from './run-stream.ts';
import type { AdkRuntime, Call } from './runtime.ts';
import { isScriptedPrompt, sendScriptedReply } from './scripted-replies.ts';
import { eventJson, finalText, usedTools } from './wire.ts';

const MAX_SESSION_ID_CHARS = 256;

function userMessage(text: string) {
  return { role: 'user', parts: [{ text }] };
}

/**
 * After a run that asked for the documents provider's consent, waits like AgentKit's identity service for the
 * consent page's answer and hands the provider's redirect back to ADK (a `functionResponse` to
 * `adk_request_credential`), so the same stream goes on: the tool runs again, then the answer.
 */
async function continueAfterConsent(runtime: AdkRuntime, call: Call, sessionId: string, events: Event[]): Promise<number> {
  let bytes = 0;
  let latest = events;
  for (;;) {
    const request = credentialRequests(latest).find((candidate) => runtime.documents.isWaiting(candidate.toolCallId));
    if (!request || call.hungUp.aborted) return bytes;
    call.record.waited_for_consent = true;
    const redirect = await runtime.documents.redirectFor(request.toolCallId, call.sub, call.hungUp);
    if (!('authResponseUri' in redirect)) {
      if (redirect.outcome === 'gone') return bytes;
      const seconds = runtime.documents.timeoutSeconds;
      const message = `Authorization timed out: nobody approved the documents provider within ${seconds} s.`;
      return bytes + sendFrame(call.res, { error: 'AuthorizationTimeout', error_type: 'AuthorizationTimeout', message });
    }
    const answer = {
      functionResponse: {
        id: request.id,
        name: REQUEST_CREDENTIAL_FUNCTION_CALL_NAME,
        response: { exchangedAuthCredential: { authType: 'oauth2', oauth2: { authResponseUri: redirect.authResponseUri } } },
      },
    };
    const resumed = await streamRun(
      call.res,
      runtime.runner.runAsync({
        userId: call.sub,
        sessionId,
        newMessage: { role: 'user', parts: [answer] },
        runConfig: { streamingMode: StreamingMode.SSE },
        abortSignal: call.hungUp,
      }),
    );
    bytes += resumed.bytes;
    if (resumed.failed) return bytes;
    latest = resumed.events;
  }
}

/**
 * A prompt of the plain agent's scripted table (/help, /hostile, /report, …): answered by its code, outside any
 * session, whichever route it came by (so the console's tests and bench work the same on either runtime).
 */
export function sendScripted(runtime: AdkRuntime, call: Call, prompt: string, wantsStream: boolean): Promise<number> {
  const { req, res, cors, record } = call;
  const reply = replyTo(
    prompt,
    {
      sub: call.sub,
      clientId: call.caller.claims.client_id,
      name: call.name,
      userIdHeader: typeof req.headers.user_id === 'string' ? req.headers.user_id : undefined,
      language: pageLanguage(undefined, req.headers['accept-language']),
    },
    wantsStream,
    { vault: runtime.vault, consentUrl: runtime.consentUrl, signal: call.hungUp },
  );
  return sendScriptedReply(res, reply, cors, record);
}

/**
 * AgentKit's `/invoke` shim in front of the ADK app: the user is the token's `sub`, the session the `session_id`
 * header's (created when missing), the prompt a user message. SSE of ADK events when the client accepts
 * `text/event-stream`, else JSON: the answer's text, or the run's events when it used tools.
 */
export async function invoke(runtime: AdkRuntime, call: Call): Promise<number> {
  const { req, res, cors, record } = call;
  const body = await readJsonObject(req, (message) => agentKitError(400, 'BadRequest', message));
  if (typeof body.prompt !== 'string') throw agentKitError(400, 'BadRequest', 'The body must be a JSON object with a string "prompt"');
  const prompt = body.prompt;

  if (isScriptedPrompt(prompt)) return sendScripted(runtime, call, prompt, body.stream === true);

  const header = typeof req.headers.session_id === 'string' ? req.headers.session_id.trim() : '';
  if (header.length > MAX_SESSION_ID_CHARS) {
    throw agentKitError(400, 'BadRequest', `The session_id header has at most ${MAX_SESSION_ID_CHARS} characters`);
  }
  // Without a session_id the call is a conversation of its own.
  const sessionId = header || randomUUID();
  const key = { appName: APP_NAME, userId: call.sub, sessionId };
  if (!(await runtime.sessions.getSession(key))) await runtime.sessions.createSession(key);

  const accept = req.headers.accept ?? '';
  if (accept.includes('text/event-stream')) {
    record.status = 200;
    record.streamed = true;
    startEventStream(res, cors);
    const run = runtime.runner.runAsync({
      userId: call.sub,
      sessionId,
      newMessage: userMessage(prompt),
      runConfig: { streamingMode: StreamingMode.SSE },
      abortSignal: call.hungUp,
    });
    const first = await streamRun(res, run);
    const bytes = first.failed ? first.bytes : first.bytes + (await continueAfterConsent(runtime, call, sessionId, first.events));
    res.end();
    return bytes;
  }

  const events: Event[] = [];
  try {
    for await (const event of runtime.runner.runAsync({
      userId: call.sub,
      sessionId,
      newMessage: userMessage(prompt),
      abortSignal: call.hungUp,
    })) {
      events.push(event);
    }
  } catch (error) {
    console.error(`ADK run failed: ${error instanceof Error ? error.message : String(error)}`);
    throw agentKitError(500, 'RuntimeError', 'agent execution failed');
  }
  record.status = 200;
  return sendJson(res, 200, usedTools(events) ? events.map(eventJson) : finalText(events), cors);
}
