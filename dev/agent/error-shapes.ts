import { randomUUID } from 'node:crypto';
import type { Reply, StreamStep } from './replies.ts';

/**
 * `/error <shape>`: the failures the console's explainer (src/lib/agentkit-errors.ts) knows, as the runtime, its
 * gateway, the identity service and a consent provider send them, so each can be tried in the chat. A 401 with a
 * real WWW-Authenticate challenge comes from the agent's own token check (a token of a client it does not allow).
 */
const STEP_DELAY_MS = 40;

function textEvent(invocationId: string, text: string) {
  return {
    author: 'local_agent',
    invocationId,
    id: randomUUID(),
    timestamp: Date.now() / 1000,
    partial: true,
    content: { role: 'model', parts: [{ text }] },
  };
}

/** A stream that starts to answer, then ends with `frame`, as a failure mid-stream does. */
function* failingWith(frame: unknown): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  yield { payload: textEvent(invocationId, 'Working on it… '), delayMs: STEP_DELAY_MS };
  yield { payload: frame, delayMs: STEP_DELAY_MS };
}

const stream = (frame: unknown): Reply => ({ kind: 'stream', steps: failingWith(frame) });
const agentServerFrame = (error: string) => stream({ error });
/** The simple app's frame: the exception in `error`, its class in `error_type`, a generic `message`. */
const simpleAppFrame = (error: string, type: string) => stream({ error, error_type: type, message: 'An error occurred during streaming' });

export const ERROR_SHAPES: Record<string, { about: string; reply: () => Reply }> = {
  expired: {
    about: '401, the reason in the body: token expired (exp)',
    reply: () => ({ kind: 'error', status: 401, message: 'Unauthorized: token expired (exp)', type: 'Unauthorized' }),
  },
  consumer: {
    about: '401 from the AgentKit gateway: Consumer authentication failed',
    reply: () => ({ kind: 'error', status: 401, message: 'Consumer authentication failed', type: 'Unauthorized' }),
  },
  'user-id': {
    about: '403: a user_id the runtime refused',
    reply: () => ({ kind: 'error', status: 403, message: "user_id does not match the token's sub", type: 'Forbidden' }),
  },
  'session-id': {
    about: '400: a session_id the runtime refused',
    reply: () => ({ kind: 'error', status: 400, message: 'invalid session_id header', type: 'BadRequest' }),
  },
  session: {
    about: '404: Session not found',
    reply: () => ({ kind: 'error', status: 404, message: 'Session not found', type: 'NotFound' }),
  },
  hidden: {
    about: 'an SSE frame {"error": "agent execution failed"} (agent server app, identity mode)',
    reply: () => agentServerFrame('agent execution failed'),
  },
  typed: {
    about: 'an SSE frame {error, error_type, message} (simple app)',
    reply: () => simpleAppFrame('division by zero', 'ZeroDivisionError'),
  },
  'consent-timeout': {
    about: "the runtime's consent polling timed out",
    reply: () =>
      simpleAppFrame('OAuth2 auth polling timed out after 60 seconds. User may not have completed authorization.', 'TimeoutError'),
  },
  '20029': {
    about: 'Feishu 20029: redirect_uri request is illegal',
    reply: () => agentServerFrame('Error code: 20029 redirect_uri request is illegal'),
  },
  '20027': {
    about: 'Feishu 20027: a permission not applied for',
    reply: () => agentServerFrame('Error code: 20027 The current application has not applied for the relevant permissions'),
  },
  '20043': {
    about: 'Feishu 20043: openid is incorrect',
    reply: () => agentServerFrame('Error 20043: openid is incorrect'),
  },
  workload: {
    about: 'GetWorkloadAccessToken failed (not on AgentKit Runtime)',
    reply: () => simpleAppFrame('GetWorkloadAccessToken failed: the agent is not running on AgentKit Runtime', 'RuntimeError'),
  },
  unknown: {
    about: 'a failure no row explains, shown as it is',
    reply: () => ({ kind: 'error', status: 500, message: 'The flux capacitor is out of sync', type: 'FluxError' }),
  },
};

/** The reply to `/error <shape>`; without a known shape, the list of shapes. */
export function errorShapeReply(shape: string): Reply {
  const known = Object.hasOwn(ERROR_SHAPES, shape) ? ERROR_SHAPES[shape] : undefined;
  if (known) return known.reply();
  const rows = Object.entries(ERROR_SHAPES).map(([name, { about }]) => `| \`/error ${name}\` | ${about} |`);
  return { kind: 'json', value: ['| prompt | failure |', '| --- | --- |', ...rows].join('\n') };
}
