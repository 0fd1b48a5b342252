import { type AgentChunk, chunksFromEventList } from '../stream/agent-chunks.ts';
import { answers, type CredentialRequest } from './credential-request.ts';

/** How long an agent call waited for the user's consent; `waitedMs` is set once the wait is over. */
export interface AuthorizationWait {
  since: number;
  waitedMs?: number;
  authorized: boolean;
  /** The request waited on, to know the tool response that ends the wait. */
  request: Pick<CredentialRequest, 'id' | 'toolCallId'>;
}

/**
 * Follows one call's chunks: a consent request starts the wait, the waiting tool's response ends it. A JSON
 * answer arrives whole, so its wait is counted from the start of the call (an upper bound, the best known).
 */
export function trackAuthorization(
  wait: AuthorizationWait | undefined,
  chunk: AgentChunk,
  at: { now: number; startedAt: number },
): AuthorizationWait | undefined {
  if (chunk.type === 'json') {
    let current = wait;
    for (const event of chunksFromEventList(chunk.value) ?? []) {
      // The request is dated at the start of the call, its answer at the end.
      current = trackAuthorization(current, event, { now: current ? at.now : at.startedAt, startedAt: at.startedAt });
    }
    return current;
  }
  if (chunk.type === 'auth-request' && !wait) {
    return { since: at.now, authorized: false, request: { id: chunk.request.id, toolCallId: chunk.request.toolCallId } };
  }
  if (chunk.type === 'tool-result' && wait && wait.waitedMs === undefined && answers(wait.request, chunk.id)) {
    return { ...wait, waitedMs: at.now - wait.since, authorized: true };
  }
  return wait;
}
