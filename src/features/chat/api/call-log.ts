import { ListStore } from '../../../lib/list-store.ts';

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
}

export class CallLog extends ListStore<CallRecord> {
  start(entry: Pick<CallRecord, 'sub' | 'replay'>): number {
    return this.push({ startedAt: Date.now(), bytes: 0, streamed: false, outcome: 'pending', ...entry });
  }
}
