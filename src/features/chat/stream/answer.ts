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
  /** Index of the text part still receiving deltas; the next final text replaces it. */
  openText?: number;
}

export const EMPTY_ANSWER: Answer = { parts: [] };

/**
 * Folds chunks into an answer. ADK repeats the whole text in a final event after its deltas: the final
 * replaces the streamed text instead of appending it, so the text shows once.
 */
export function applyChunk(answer: Answer, chunk: AgentChunk): Answer {
  const parts = answer.parts.slice();
  switch (chunk.type) {
    case 'text-delta': {
      if (answer.openText === undefined) return { parts: [...parts, { kind: 'text', text: chunk.text }], openText: parts.length };
      const open = parts[answer.openText] as { kind: 'text'; text: string };
      parts[answer.openText] = { kind: 'text', text: open.text + chunk.text };
      return { parts, openText: answer.openText };
    }
    case 'text-final':
      if (answer.openText === undefined) return { parts: [...parts, { kind: 'text', text: chunk.text }] };
      parts[answer.openText] = { kind: 'text', text: chunk.text };
      return { parts };
    case 'json': {
      const events = chunksFromEventList(chunk.value);
      if (events) return events.reduce(applyChunk, { parts });
      return {
        parts: [...parts, typeof chunk.value === 'string' ? { kind: 'text', text: chunk.value } : { kind: 'json', value: chunk.value }],
      };
    }
    case 'tool-call':
      return { parts: [...parts, { kind: 'tool-call', id: chunk.id, name: chunk.name, args: chunk.args }] };
    case 'auth-request':
      return { parts: [...parts, { kind: 'authorization', request: chunk.request, authorized: false }] };
    case 'tool-result':
      return {
        parts: [...markAuthorized(parts, chunk.id), { kind: 'tool-result', id: chunk.id, name: chunk.name, response: chunk.response }],
      };
    case 'error':
      return answer;
  }
}

/** The tool that waited for a consent answered: the agent got the credential, so its card says so. */
function markAuthorized(parts: AnswerPart[], responseId: string | undefined): AnswerPart[] {
  return parts.map((part) =>
    part.kind === 'authorization' && !part.authorized && answers(part.request, responseId) ? { ...part, authorized: true } : part,
  );
}

export function answerText(answer: Answer): string {
  return answer.parts
    .filter((part): part is { kind: 'text'; text: string } => part.kind === 'text')
    .map((part) => part.text)
    .join('\n\n');
}
