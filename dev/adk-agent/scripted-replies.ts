import { sendReply } from '../agent/send-reply.ts';

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
export const sendScriptedReply = sendReply;
