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

const MAX_RECORDS = 200;

export class CallLog {
  private records: CallRecord[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  getRecords = (): CallRecord[] => this.records;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(entry: Pick<CallRecord, 'sub' | 'replay'>): number {
    const id = this.nextId++;
    this.records = [...this.records, { id, startedAt: Date.now(), bytes: 0, streamed: false, outcome: 'pending' as const, ...entry }].slice(
      -MAX_RECORDS,
    );
    this.emit();
    return id;
  }

  update(id: number, patch: Partial<CallRecord>) {
    this.records = this.records.map((record) => (record.id === id ? { ...record, ...patch } : record));
    this.emit();
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }
}
