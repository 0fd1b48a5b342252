import { type Runner, StreamingMode } from '@google/adk';
import { startEventStream } from '../agent/sse.ts';
import { adkError, field, readJsonObject, sendJson } from './http.ts';
import { sendScripted } from './invoke.ts';
import { APP_NAME } from './local-agent.ts';
import { streamRun } from './run-stream.ts';
import type { AdkRuntime, Call } from './runtime.ts';
import { isScriptedPrompt } from './scripted-replies.ts';
import { sessionJson } from './wire.ts';

type Content = Parameters<Runner['runAsync']>[0]['newMessage'];

const MAX_ID_CHARS = 256;
const FORBIDDEN_USER = 'Forbidden: this runtime binds the ADK user to the verified token’s sub, and the request names another user';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertApp(app: unknown) {
  if (app !== APP_NAME) throw adkError(404, `App not found: ${String(app).slice(0, 100)}`);
}

/** The one rule of identity mode: whatever user a path or body names must be the caller's own verified sub. */
function assertUser(call: Call, user: unknown) {
  if (user !== undefined && user !== call.sub) throw adkError(403, FORBIDDEN_USER);
}

function stateOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const state = field(body, 'state');
  if (state !== undefined && !isRecord(state)) throw adkError(400, 'state must be a JSON object');
  return state;
}

async function sessionRoutes(runtime: AdkRuntime, call: Call, method: string, sessionId: string | undefined) {
  const { res, cors, sub } = call;
  const key = { appName: APP_NAME, userId: sub };
  if (sessionId === undefined) {
    if (method === 'GET') {
      const { sessions } = await runtime.sessions.listSessions(key);
      return sendJson(res, 200, sessions.map(sessionJson), cors);
    }
    if (method === 'POST') {
      const state = stateOf(await readJsonObject(call.req, (message) => adkError(400, message)));
      return sendJson(res, 200, sessionJson(await runtime.sessions.createSession({ ...key, state })), cors);
    }
  } else {
    if (sessionId.length > MAX_ID_CHARS) throw adkError(400, `A session id has at most ${MAX_ID_CHARS} characters`);
    const existing = await runtime.sessions.getSession({ ...key, sessionId });
    if (method === 'GET') {
      if (!existing) throw adkError(404, 'Session not found');
      return sendJson(res, 200, sessionJson(existing), cors);
    }
    if (method === 'POST') {
      const state = stateOf(await readJsonObject(call.req, (message) => adkError(400, message)));
      if (existing) throw adkError(409, `Session already exists: ${sessionId}`);
      return sendJson(res, 200, sessionJson(await runtime.sessions.createSession({ ...key, sessionId, state })), cors);
    }
    if (method === 'DELETE') {
      if (!existing) throw adkError(404, 'Session not found');
      await runtime.sessions.deleteSession({ ...key, sessionId });
      res.writeHead(204, cors);
      res.end();
      return 0;
    }
  }
  throw adkError(405, 'Method Not Allowed');
}

function newMessageOf(body: Record<string, unknown>): Content {
  const message = field(body, 'newMessage');
  if (!isRecord(message) || !Array.isArray(message.parts))
    throw adkError(400, 'newMessage must be a Content: {"role": "user", "parts": [...]}');
  // Always the user's turn: a client does not write the model's part of the conversation.
  return { ...message, role: 'user' } as Content;
}

/** `POST /run_sse`: one run of the agent in an existing session, streamed as ADK events. */
async function runSse(runtime: AdkRuntime, call: Call) {
  const body = await readJsonObject(call.req, (message) => adkError(400, message));
  assertUser(call, field(body, 'userId'));
  assertApp(field(body, 'appName'));
  const sessionId = field(body, 'sessionId');
  if (typeof sessionId !== 'string' || !sessionId) throw adkError(400, 'sessionId is required');
  const newMessage = newMessageOf(body);
  const stateDelta = field(body, 'stateDelta');
  if (!(await runtime.sessions.getSession({ appName: APP_NAME, userId: call.sub, sessionId }))) {
    throw adkError(404, 'Session not found');
  }
  const text = (newMessage.parts ?? []).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
  if (isScriptedPrompt(text)) return sendScripted(runtime, call, text, true);
  call.record.streamed = true;
  startEventStream(call.res, call.cors);
  const { bytes } = await streamRun(
    call.res,
    runtime.runner.runAsync({
      userId: call.sub,
      sessionId,
      newMessage,
      ...(isRecord(stateDelta) ? { stateDelta } : {}),
      runConfig: { streamingMode: field(body, 'streaming') === true ? StreamingMode.SSE : StreamingMode.NONE },
      abortSignal: call.hungUp,
    }),
  );
  call.res.end();
  return bytes;
}

function segmentsOf(path: string): string[] {
  try {
    return path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    throw adkError(400, 'Malformed path');
  }
}

/**
 * ADK's REST routes, as its API server serves them (sessions listed as an array, as the Python server that AgentKit
 * runs does). Returns the bytes sent, or undefined when the path is not one of them.
 */
export async function serveAdkRoute(runtime: AdkRuntime, call: Call, method: string, path: string): Promise<number | undefined> {
  const segments = segmentsOf(path);
  if (segments.length === 1 && segments[0] === 'list-apps') {
    if (method !== 'GET') throw adkError(405, 'Method Not Allowed');
    return sendJson(call.res, 200, [APP_NAME], call.cors);
  }
  if (segments.length === 1 && segments[0] === 'run_sse') {
    if (method !== 'POST') throw adkError(405, 'Method Not Allowed');
    return runSse(runtime, call);
  }
  const [apps, app, users, user, sessions, sessionId, ...rest] = segments;
  if (apps === 'apps' && users === 'users' && sessions === 'sessions' && rest.length === 0) {
    assertUser(call, user);
    assertApp(app);
    return sessionRoutes(runtime, call, method, sessionId);
  }
  return undefined;
}
