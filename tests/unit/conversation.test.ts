import { describe, expect, it } from 'vitest';
import { conversationReducer } from '../../src/features/chat/conversation.ts';
import { answerText } from '../../src/features/chat/stream/answer.ts';
import { t } from '../../src/i18n/index.ts';

const sent = conversationReducer({ sessionId: 's', messages: [] }, { type: 'sent', prompt: 'hi', userId: 'u', agentId: 'a', at: 0 });

describe('conversation', () => {
  it('adds the prompt and a waiting answer, then streams into it', () => {
    expect(sent.messages.map((message) => message.role)).toEqual(['user', 'agent']);
    const streaming = conversationReducer(sent, { type: 'chunks', id: 'a', chunks: [{ type: 'text-delta', text: 'Hel' }] });
    const agent = streaming.messages[1];
    expect(agent.role === 'agent' && agent.status).toBe('streaming');
    const done = conversationReducer(
      conversationReducer(streaming, { type: 'chunks', id: 'a', chunks: [{ type: 'text-final', text: 'Hello' }] }),
      {
        type: 'finished',
        id: 'a',
      },
    );
    const final = done.messages[1];
    expect(final.role === 'agent' && [final.status, answerText(final.answer)]).toEqual(['done', 'Hello']);
  });

  it('ends the answer with the message of an error frame, keeping what came before', () => {
    const failed = conversationReducer(sent, {
      type: 'chunks',
      id: 'a',
      chunks: [
        { type: 'text-delta', text: 'Partial ' },
        { type: 'error', message: 'tool crashed', errorType: 'RuntimeError' },
        { type: 'text-delta', text: 'ignored' },
      ],
    });
    const after = conversationReducer(failed, { type: 'finished', id: 'a' });
    const agent = after.messages[1];
    if (agent.role !== 'agent' || !agent.failure) throw new Error('expected a failed answer');
    expect(agent.status).toBe('error');
    expect(answerText(agent.answer)).toBe('Partial ');
    expect(t(agent.failure.message, agent.failure.params)).toBe('The agent failed while answering (RuntimeError): tool crashed');
  });

  it('keeps a stopped answer partial, and a new conversation gets a new session', () => {
    const partial = conversationReducer(sent, { type: 'chunks', id: 'a', chunks: [{ type: 'text-delta', text: 'tick tick' }] });
    const stopped = conversationReducer(partial, { type: 'stopped', id: 'a' });
    const agent = stopped.messages[1];
    expect(agent.role === 'agent' && [agent.status, answerText(agent.answer)]).toEqual(['stopped', 'tick tick']);
    expect(conversationReducer(stopped, { type: 'reset', sessionId: 's2' })).toEqual({ sessionId: 's2', messages: [] });
  });
});
