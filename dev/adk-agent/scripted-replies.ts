import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Reply } from '../agent/replies.ts';
import { sendFrame, startEventStream } from '../agent/sse.ts';
import { sendJson } from './http.ts';

/**
 * Prompts the plain local agent (`dev/agent/replies.ts`) answers with hand-made shapes: hostile markup, load,
 * failures, raw frames, made-up consent requests. The ADK runtime hands them to the same code, outside ADK (they are
 * not recorded in any session), so the console's tests of those shapes run against either agent.
 */
export const SCRIPTED_COMMANDS = new Set([
  '/help',
  '/raw',
  '/json',
  '/count',
  '/report',
  '/slow',
  '/hostile',
  '/hostile-media',
  '/imitate',
  '/huge',
  '/deep-args',
  '/emphasis',
  '/tools',
  '/quotes',
  '/hang-error',
  '/fail',
  '/docs-json',
  '/auth-uri',
  '/stream-fail',
  '/error',
]);

export function isScriptedPrompt(prompt: string): boolean {
  return SCRIPTED_COMMANDS.has(prompt.trim().split(/\s+/)[0]);
}

/** Writes a reply of replies.ts as the plain agent does; returns the bytes sent. */
export async function sendScriptedReply(
  res: ServerResponse,
  reply: Reply,
  cors: Record<string, string>,
  record: Record<string, unknown>,
): Promise<number> {
  record.status = reply.kind === 'error' || reply.kind === 'hanging-error' ? reply.status : 200;
  if (reply.kind === 'error') return sendJson(res, reply.status, { error: { message: reply.message, type: reply.type } }, cors);
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
