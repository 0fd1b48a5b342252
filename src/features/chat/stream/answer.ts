import { boundValue } from '../../../lib/bounded-json.ts';
import { answers, type CredentialRequest } from '../outbound/credential-request.ts';
import { type AgentChunk, chunksFromEventList } from './agent-chunks.ts';

export type AnswerPart =
  | { kind: 'text'; text: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'tool-call'; id?: string; name: string; args: unknown }
  | { kind: 'tool-result'; id?: string; name: string; response: unknown }
  /** A consent the agent waits for; `authorized` once the answer went on with the waiting tool's response. */
  | { kind: 'authorization'; request: CredentialRequest; authorized: boolean };

export interface Answer {
  parts: AnswerPart[];
  /** Index of the text part still receiving deltas; the next final text replaces it (from `openFrom` on). */
  openText?: number;
  /** Where the open text starts in its part: past the parts limit, new text joins the last text part. */
  openFrom?: number;
  /** Tool calls, results and JSON blocks past MAX_SHOWN_PARTS: counted, not kept (a stream may send 20,000). */
  hiddenParts?: number;
  /** Raw events the agent sent for this answer (kept in event-log.ts, for the inspector). */
  events?: number;
}

export const EMPTY_ANSWER: Answer = { parts: [] };

/**
 * Parts an answer keeps at most. Past it, tool lines and JSON blocks are only counted, and text joins the last
 * text part: an answer of any number of events costs a bounded copy per frame and renders a bounded list.
 */
export const MAX_SHOWN_PARTS = 200;
/** Consent cards an answer shows at most. */
const MAX_CONSENT_CARDS = 10;

/** One batch of chunks folded into a copy of the answer: the parts are copied once per batch, not once per chunk. */
class AnswerDraft {
  readonly parts: AnswerPart[];
  openText: number | undefined;
  openFrom: number;
  hiddenParts: number;
  events: number;
  private cards: number;

  constructor(answer: Answer) {
    this.parts = answer.parts.slice();
    this.cards = this.parts.filter((part) => part.kind === 'authorization').length;
    this.openText = answer.openText;
    this.openFrom = answer.openFrom ?? 0;
    this.hiddenParts = answer.hiddenParts ?? 0;
    this.events = answer.events ?? 0;
  }

  private get full(): boolean {
    return this.parts.length >= MAX_SHOWN_PARTS;
  }

  /** A part that is not text: kept while there is room, counted after. */
  private addPart(part: AnswerPart) {
    if (this.full) this.hiddenParts++;
    else this.parts.push(part);
  }

  /**
   * Text that starts a new part (no part is open), or joins the last text part once the answer keeps no more
   * parts; `open`: deltas follow, appended to it.
   */
  private addText(text: string, open: boolean) {
    if (this.full) {
      const last = this.parts.findLastIndex((part) => part.kind === 'text');
      if (last !== -1) {
        const before = `${(this.parts[last] as { kind: 'text'; text: string }).text}\n\n`;
        this.parts[last] = { kind: 'text', text: before + text };
        this.openText = open ? last : undefined;
        this.openFrom = open ? before.length : 0;
        return;
      }
      // No text part yet: this one is added past the limit (text is never hidden), and later text joins it.
    }
    this.parts.push({ kind: 'text', text });
    this.openText = open ? this.parts.length - 1 : undefined;
    this.openFrom = 0;
  }

  apply(chunk: AgentChunk) {
    switch (chunk.type) {
      case 'text-delta': {
        if (this.openText === undefined) return this.addText(chunk.text, true);
        const open = this.parts[this.openText] as { kind: 'text'; text: string };
        this.parts[this.openText] = { kind: 'text', text: open.text + chunk.text };
        return;
      }
      case 'text-final': {
        if (this.openText === undefined) return this.addText(chunk.text, false);
        const open = this.parts[this.openText] as { kind: 'text'; text: string };
        this.parts[this.openText] = { kind: 'text', text: open.text.slice(0, this.openFrom) + chunk.text };
        this.openText = undefined;
        this.openFrom = 0;
        return;
      }
      case 'json': {
        const events = chunksFromEventList(chunk.value);
        if (events) {
          this.openText = undefined;
          for (const event of events) this.apply(event);
          return;
        }
        if (typeof chunk.value === 'string') return this.addText(chunk.value, false);
        return this.addPart({ kind: 'json', value: boundValue(chunk.value) });
      }
      case 'tool-call':
        return this.addPart({ kind: 'tool-call', id: chunk.id, name: chunk.name, args: chunk.args });
      case 'auth-request':
        // A consent request shows even past the parts limit (the user must be able to answer it), up to a few.
        if (this.cards >= MAX_CONSENT_CARDS) return void this.hiddenParts++;
        this.cards++;
        this.parts.push({ kind: 'authorization', request: chunk.request, authorized: false });
        return;
      case 'tool-result':
        // ADK answers the waiting tool with a placeholder while it asks for the credential: that is no grant.
        if (!chunk.awaitsCredential) this.markAuthorized(chunk.id);
        return this.addPart({ kind: 'tool-result', id: chunk.id, name: chunk.name, response: chunk.response });
      case 'event':
        this.events++;
        return;
      case 'error':
        return;
    }
  }

  /** The tool that waited for a consent answered: the agent got the credential, so its card says so. */
  private markAuthorized(responseId: string | undefined) {
    if (responseId === undefined) return;
    this.parts.forEach((part, index) => {
      if (part.kind === 'authorization' && !part.authorized && answers(part.request, responseId)) {
        this.parts[index] = { ...part, authorized: true };
      }
    });
  }

  done(): Answer {
    return {
      parts: this.parts,
      ...(this.openText !== undefined ? { openText: this.openText } : {}),
      ...(this.openText !== undefined && this.openFrom > 0 ? { openFrom: this.openFrom } : {}),
      ...(this.hiddenParts > 0 ? { hiddenParts: this.hiddenParts } : {}),
      ...(this.events > 0 ? { events: this.events } : {}),
    };
  }
}

/**
 * Folds chunks into an answer. ADK repeats the whole text in a final event after its deltas: the final
 * replaces the streamed text instead of appending it, so the text shows once.
 */
export function applyChunks(answer: Answer, chunks: readonly AgentChunk[]): Answer {
  const draft = new AnswerDraft(answer);
  for (const chunk of chunks) draft.apply(chunk);
  return draft.done();
}

export function applyChunk(answer: Answer, chunk: AgentChunk): Answer {
  return applyChunks(answer, [chunk]);
}

/** The answer once it ended: no part receives deltas any more. */
export function closedAnswer(answer: Answer): Answer {
  return {
    parts: answer.parts,
    ...(answer.hiddenParts ? { hiddenParts: answer.hiddenParts } : {}),
    ...(answer.events ? { events: answer.events } : {}),
  };
}

/**
 * An answer read back from storage (written by this or an earlier version, or edited by hand): kept within the
 * limits a live answer has, its untrusted values bounded again.
 */
export function restoredAnswer(answer: Answer): Answer {
  const parts = Array.isArray(answer?.parts) ? answer.parts : [];
  const kept = parts.slice(0, MAX_SHOWN_PARTS + MAX_CONSENT_CARDS).map((part): AnswerPart => {
    if (part.kind === 'tool-call') return { ...part, args: boundValue(part.args) };
    if (part.kind === 'tool-result') return { ...part, response: boundValue(part.response) };
    if (part.kind === 'json') return { ...part, value: boundValue(part.value) };
    return part;
  });
  const hiddenParts = (typeof answer?.hiddenParts === 'number' ? answer.hiddenParts : 0) + parts.length - kept.length;
  const events = typeof answer?.events === 'number' && answer.events > 0 ? answer.events : 0;
  return { parts: kept, ...(hiddenParts > 0 ? { hiddenParts } : {}), ...(events > 0 ? { events } : {}) };
}

export function answerText(answer: Answer): string {
  return answer.parts
    .filter((part): part is { kind: 'text'; text: string } => part.kind === 'text')
    .map((part) => part.text)
    .join('\n\n');
}
