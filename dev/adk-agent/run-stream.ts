import type { ServerResponse } from 'node:http';
import { type Event, REQUEST_CREDENTIAL_FUNCTION_CALL_NAME } from '@google/adk';
import { sendFrame } from '../agent/sse.ts';
import { eventJson } from './wire.ts';

/** What AgentKit sends when agent code fails in identity mode: the cause stays in the agent's log. */
export const EXECUTION_FAILED = { error: 'agent execution failed' };

/**
 * Streams a run's events as `data: <event JSON>` frames; a failure becomes the last frame. Returns the events sent
 * and whether the run failed. The caller has written the stream's headers.
 */
export async function streamRun(
  res: ServerResponse,
  run: AsyncGenerator<Event>,
): Promise<{ events: Event[]; bytes: number; failed: boolean }> {
  const events: Event[] = [];
  let bytes = 0;
  try {
    for await (const event of run) {
      events.push(event);
      if (!res.writableEnded) bytes += sendFrame(res, eventJson(event));
    }
    return { events, bytes, failed: false };
  } catch (error) {
    console.error(`ADK run failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.writableEnded) bytes += sendFrame(res, EXECUTION_FAILED);
    return { events, bytes, failed: true };
  }
}

/** The `adk_request_credential` calls of a run: their own id and the tool call that waits. */
export function credentialRequests(events: Event[]): { id: string; toolCallId: string }[] {
  return events.flatMap((event) =>
    (event.content?.parts ?? []).flatMap((part) => {
      const call = part.functionCall;
      const toolCallId = call?.args?.function_call_id ?? call?.args?.functionCallId;
      return call?.name === REQUEST_CREDENTIAL_FUNCTION_CALL_NAME && call.id && typeof toolCallId === 'string'
        ? [{ id: call.id, toolCallId }]
        : [];
    }),
  );
}
