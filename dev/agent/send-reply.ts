import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Reply } from './replies.ts';
import { sendFrame, startEventStream } from './sse.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return Buffer.byteLength(text);
}

/** AgentKit's error body: `{"error": {"message", "type"}}`. */
export function errorBody(message: string, type: string) {
  return { error: { message, type } };
}

/**
 * Writes a reply of replies.ts (JSON, an error, a body that never ends, or SSE frames paced by their delays) and
 * notes its status in `record`; returns the bytes sent. Both local agents answer their scripted prompts with it.
 */
export async function sendReply(
  res: ServerResponse,
  reply: Reply,
  cors: Record<string, string>,
  record: Record<string, unknown>,
): Promise<number> {
  record.status = reply.kind === 'error' || reply.kind === 'hanging-error' ? reply.status : 200;
  if (reply.kind === 'error') return sendJson(res, reply.status, errorBody(reply.message, reply.type), cors);
  if (reply.kind === 'json') return sendJson(res, 200, reply.value, cors);
  if (reply.kind === 'hanging-error') {
    res.writeHead(reply.status, { ...cors, 'content-type': 'application/json' });
    res.write(reply.start);
    // The body stays open until the client gives up on it.
    await new Promise((resolve) => res.once('close', resolve));
    return Buffer.byteLength(reply.start);
  }
  record.streamed = true;
  let gone = false;
  res.once('close', () => {
    gone = true;
  });
  startEventStream(res, cors);
  let bytes = 0;
  for await (const step of reply.steps) {
    if (step.delayMs) await delay(step.delayMs);
    if (gone) {
      record.aborted = true;
      break;
    }
    bytes += sendFrame(res, step.payload);
  }
  res.end();
  return bytes;
}
