import type { AgentFailure } from './api/agent-failure.ts';
import type { AgentChunk } from './stream/agent-chunks.ts';
import { type Answer, applyChunks, closedAnswer, EMPTY_ANSWER } from './stream/answer.ts';

export type AnswerStatus = 'waiting' | 'streaming' | 'done' | 'stopped' | 'error';

export type ChatMessage =
  | { id: string; role: 'user'; text: string; at: number }
  | { id: string; role: 'agent'; at: number; prompt: string; status: AnswerStatus; answer: Answer; failure?: AgentFailure };

export interface Conversation {
  sessionId: string;
  messages: ChatMessage[];
  /** The `sub` of the user who had it; undefined until someone signs in with it (it started signed out). */
  owner?: string;
  /** How many older messages the saved copy left out to stay within the storage limit. */
  dropped?: number;
}

export type ConversationAction =
  | { type: 'sent'; prompt: string; userId: string; agentId: string; at: number }
  | { type: 'chunks'; id: string; chunks: AgentChunk[] }
  | { type: 'finished'; id: string }
  | { type: 'stopped'; id: string }
  | { type: 'failed'; id: string; failure: AgentFailure }
  | { type: 'reset'; sessionId: string; owner?: string }
  /** Another conversation, read back from the runtime (an ADK session). */
  | { type: 'load'; conversation: Conversation }
  | { type: 'owned'; owner: string };

function updateAgent(
  conversation: Conversation,
  id: string,
  update: (message: Extract<ChatMessage, { role: 'agent' }>) => ChatMessage,
): Conversation {
  return {
    ...conversation,
    messages: conversation.messages.map((message) => (message.id === id && message.role === 'agent' ? update(message) : message)),
  };
}

export function conversationReducer(conversation: Conversation, action: ConversationAction): Conversation {
  switch (action.type) {
    case 'sent':
      return {
        ...conversation,
        messages: [
          ...conversation.messages,
          { id: action.userId, role: 'user', text: action.prompt, at: action.at },
          { id: action.agentId, role: 'agent', at: action.at, prompt: action.prompt, status: 'waiting', answer: EMPTY_ANSWER },
        ],
      };
    case 'chunks':
      return updateAgent(conversation, action.id, (message) => {
        const errorAt = action.chunks.findIndex((chunk) => chunk.type === 'error');
        const answer = applyChunks(message.answer, errorAt === -1 ? action.chunks : action.chunks.slice(0, errorAt));
        const error = action.chunks[errorAt];
        if (error?.type === 'error') {
          const failure: AgentFailure = error.errorType
            ? { kind: 'stream', message: 'agent.error.streamErrorTyped', params: { type: error.errorType, message: error.message } }
            : { kind: 'stream', message: 'agent.error.streamError', params: { message: error.message } };
          return { ...message, answer, status: 'error', failure };
        }
        return { ...message, answer, status: message.status === 'error' ? 'error' : 'streaming' };
      });
    case 'finished':
      return updateAgent(conversation, action.id, (message) =>
        message.status === 'error' ? message : { ...message, status: 'done', answer: closedAnswer(message.answer) },
      );
    case 'stopped':
      return updateAgent(conversation, action.id, (message) => ({
        ...message,
        status: 'stopped',
        answer: closedAnswer(message.answer),
      }));
    case 'failed':
      return updateAgent(conversation, action.id, (message) => ({ ...message, status: 'error', failure: action.failure }));
    case 'reset':
      return { sessionId: action.sessionId, messages: [], ...(action.owner ? { owner: action.owner } : {}) };
    case 'load':
      return action.conversation;
    case 'owned':
      return { ...conversation, owner: action.owner };
  }
}

export function newSessionId(): string {
  return crypto.randomUUID();
}
