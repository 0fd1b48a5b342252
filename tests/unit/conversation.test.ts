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

  it('keeps an authorization card through the wait: the same answer goes on with the tool result after it', () => {
    const request = { id: 'adk-1', toolCallId: 'call-1', authUri: 'https://consent.example/', scopes: [] };
    const waiting = conversationReducer(sent, { type: 'chunks', id: 'a', chunks: [{ type: 'auth-request', request }] });
    const agent = waiting.messages[1];
    expect(agent.role === 'agent' && [agent.status, agent.answer.parts]).toEqual([
      'streaming',
      [{ kind: 'authorization', request, authorized: false }],
    ]);
    const resumed = conversationReducer(waiting, {
      type: 'chunks',
      id: 'a',
      chunks: [
        { type: 'tool-result', id: 'call-1', name: 'read_document', response: { ok: true } },
        { type: 'text-final', text: 'The summary.' },
      ],
    });
    const done = conversationReducer(resumed, { type: 'finished', id: 'a' });
    const final = done.messages[1];
    if (final.role !== 'agent') throw new Error('expected the answer');
    expect(done.sessionId).toBe(sent.sessionId);
    expect(final.status).toBe('done');
    expect(final.answer.parts.map((part) => (part.kind === 'authorization' ? `authorization:${part.authorized}` : part.kind))).toEqual([
      'authorization:true',
      'tool-result',
      'text',
    ]);
    expect(answerText(final.answer)).toBe('The summary.');
  });

  it('leaves the card unauthorized when the answer fails while it waits', () => {
    const request = { id: 'adk-1', toolCallId: 'call-1', scopes: [] };
    const failed = conversationReducer(sent, {
      type: 'chunks',
      id: 'a',
      chunks: [
        { type: 'auth-request', request },
        { type: 'error', message: 'Authorization timed out', errorType: 'AuthorizationTimeout' },
      ],
    });
    const agent = failed.messages[1];
    expect(agent.role === 'agent' && [agent.status, agent.answer.parts]).toEqual([
      'error',
      [{ kind: 'authorization', request, authorized: false }],
    ]);
  });
});
