import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InMemorySessionService, Runner } from '@google/adk';
import type { VerifiedCaller } from '../agent/custom-jwt.ts';
import type { DocumentsVault } from '../agent/documents-vault.ts';
import type { LocalDocuments } from './documents-tool.ts';

/** The ADK app and what serves it, shared by `/invoke` and ADK's REST routes. */
export interface AdkRuntime {
  runner: Runner;
  sessions: InMemorySessionService;
  documents: LocalDocuments;
  vault: DocumentsVault;
  consentUrl(id: string): string;
}

/** One authenticated call: the caller is verified, and `sub` is the only ADK user it may act as. */
export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  cors: Record<string, string>;
  /** The audit line being written for this call. */
  record: Record<string, unknown>;
  caller: VerifiedCaller;
  sub: string;
  /** From the pool's userinfo, when it answered. */
  name?: string;
  /** Aborted when the client hangs up: a run or a wait for consent stops then. */
  hungUp: AbortSignal;
}
