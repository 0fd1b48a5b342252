import { ListStore } from '../../../lib/list-store.ts';
import { type AuthorizationWait, trackAuthorization } from '../outbound/authorization-wait.ts';
import type { AgentChunk } from '../stream/agent-chunks.ts';

/** The client side of the audit trail: every agent call, in memory only, newest last. */
export interface CallRecord {
  id: number;
  startedAt: number;
  status?: number;
  latencyMs?: number;
  bytes: number;
  streamed: boolean;
  /** The subject the call was made as; undefined when signed out. */
  sub?: string;
  outcome: 'pending' | 'ok' | 'failed' | 'stopped';
  /** Set on the second attempt after a 401/403 and a renewal. */
  replay: boolean;
  /** The answer asked for the user's consent to a third party and waited for it. */
  authorization?: AuthorizationWait;
}

export class CallLog extends ListStore<CallRecord> {
  start(entry: Pick<CallRecord, 'sub' | 'replay'>): number {
    return this.push({ startedAt: Date.now(), bytes: 0, streamed: false, outcome: 'pending', ...entry });
  }

  /** What the call in flight (one at a time) answered so far: notes a consent the answer waits for, and its end. */
  observe(chunk: AgentChunk, now = Date.now()) {
    const record = this.getItems().findLast((item) => item.outcome === 'pending');
    if (!record) return;
    const authorization = trackAuthorization(record.authorization, chunk, { now, startedAt: record.startedAt });
    if (authorization !== record.authorization) this.update(record.id, { authorization });
  }

  override update(id: number, patch: Partial<CallRecord>) {
    const record = this.getItems().find((item) => item.id === id);
    const ended = patch.outcome !== undefined && patch.outcome !== 'pending';
    // A call that ends while its consent is still awaited waited until then, in vain.
    if (ended && record?.authorization && record.authorization.waitedMs === undefined) {
      patch = { ...patch, authorization: { ...record.authorization, waitedMs: Date.now() - record.authorization.since } };
    }
    super.update(id, patch);
  }
}
