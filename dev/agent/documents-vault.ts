import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

/** A consent the agent waits for: bound to one user (`sub`) and found only by its unguessable id. */
export interface PendingConsent {
  id: string;
  sub: string;
  /** Who asks, for the consent page: the name the pool gave, else the sub. */
  who: string;
  document: string;
  decision?: 'approve' | 'deny';
  expiresAt: number;
}

export type ConsentOutcome = 'approved' | 'denied' | 'timed-out' | 'gone';

const POLL_MS = 100;

/**
 * The local stand-in for AgentKit's token vault and the "documents" provider: who has authorized the agent
 * (per `sub`), and the consents asked for and not yet given. In memory: a restart forgets every grant.
 */
export class DocumentsVault {
  private readonly grants = new Set<string>();
  private readonly pending = new Map<string, PendingConsent>();
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
  }

  authorized(sub: string): boolean {
    return this.grants.has(sub);
  }

  ask(sub: string, who: string, document: string): PendingConsent {
    // 256 random bits: the id in the consent page's address is the only thing that binds the page to the request.
    const consent: PendingConsent = {
      id: randomBytes(32).toString('base64url'),
      sub,
      who,
      document,
      expiresAt: Date.now() + this.timeoutMs,
    };
    this.pending.set(consent.id, consent);
    setTimeout(() => this.pending.delete(consent.id), this.timeoutMs).unref();
    return consent;
  }

  find(id: string): PendingConsent | undefined {
    const consent = this.pending.get(id);
    return consent && consent.expiresAt > Date.now() ? consent : undefined;
  }

  /** The page's answer; approving grants the request's own user, whoever holds the page. Decided once. */
  decide(id: string, decision: 'approve' | 'deny'): PendingConsent | undefined {
    const consent = this.find(id);
    if (!consent || consent.decision) return consent;
    consent.decision = decision;
    if (decision === 'approve') this.grants.add(consent.sub);
    return consent;
  }

  /** Polls like the agent polls the token vault, until a decision, the time-out, or the caller hung up. */
  async wait(id: string, signal: AbortSignal): Promise<ConsentOutcome> {
    for (;;) {
      const consent = this.pending.get(id);
      if (consent?.decision) {
        this.pending.delete(id);
        return consent.decision === 'approve' ? 'approved' : 'denied';
      }
      if (!consent || consent.expiresAt <= Date.now()) {
        this.pending.delete(id);
        return 'timed-out';
      }
      try {
        await delay(POLL_MS, undefined, { signal });
      } catch {
        this.pending.delete(id);
        return 'gone';
      }
    }
  }
}
