import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConversation, saveConversation } from '../../src/features/chat/chat-storage.ts';
import { AnswerParts } from '../../src/features/chat/components/answer-view.tsx';
import { conversationReducer } from '../../src/features/chat/conversation.ts';
import type { AgentChunk } from '../../src/features/chat/stream/agent-chunks.ts';
import { chunksFromFrame } from '../../src/features/chat/stream/agent-chunks.ts';
import { type Answer, answerText, applyChunks, EMPTY_ANSWER, MAX_SHOWN_PARTS } from '../../src/features/chat/stream/answer.ts';

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

const toolCall = (index: number): AgentChunk => ({ type: 'tool-call', id: `c${index}`, name: 'lookup', args: { index } });

/** An ADK frame whose tool call's arguments nest `levels` deep: valid JSON that JSON.stringify cannot write back. */
const deepArgsFrame = (levels: number) =>
  `{"content":{"role":"model","parts":[{"functionCall":{"id":"d","name":"deep_tool","args":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}}]}}`;

describe('an answer of 20,000 tool calls', () => {
  it('keeps 200 parts, counts the rest, and still shows the text that follows them', () => {
    let answer: Answer = EMPTY_ANSWER;
    // Streamed in batches, as frames apply them.
    for (let batch = 0; batch < 100; batch++) {
      answer = applyChunks(
        answer,
        Array.from({ length: 200 }, (_, index) => toolCall(batch * 200 + index)),
      );
    }
    answer = applyChunks(answer, [
      { type: 'text-delta', text: 'Made ' },
      { type: 'text-delta', text: '20000 calls.' },
    ]);
    answer = applyChunks(answer, [{ type: 'text-final', text: 'Made 20000 calls.' }]);
    expect(answer.parts.filter((part) => part.kind === 'tool-call')).toHaveLength(MAX_SHOWN_PARTS);
    expect(answer.hiddenParts).toBe(20_000 - MAX_SHOWN_PARTS);
    expect(answerText(answer)).toBe('Made 20000 calls.');

    render(<AnswerParts parts={answer.parts} hiddenParts={answer.hiddenParts} />);
    expect(document.querySelectorAll('.tool-line')).toHaveLength(MAX_SHOWN_PARTS);
    expect(screen.getByText(/…and 19800 more tool calls, results or JSON blocks, not shown/)).toBeTruthy();
  });

  it('past the limit, later texts join the last text part, deltas and finals as before', () => {
    let answer = applyChunks(EMPTY_ANSWER, [{ type: 'text-final', text: 'First.' }, ...Array.from({ length: 300 }, (_, i) => toolCall(i))]);
    answer = applyChunks(answer, [
      { type: 'text-delta', text: 'Sec' },
      { type: 'text-delta', text: 'ond' },
    ]);
    expect(answerText(answer)).toBe('First.\n\nSecond');
    answer = applyChunks(answer, [{ type: 'text-final', text: 'Second, final.' }]);
    expect(answerText(answer)).toBe('First.\n\nSecond, final.');
    expect(answer.parts.length).toBe(MAX_SHOWN_PARTS);
  });
});

describe('a tool call whose arguments nest 6,000 levels deep', () => {
  it('renders its tool line with the arguments cut at a depth, where it crashed the chat before', () => {
    const chunks = chunksFromFrame(deepArgsFrame(6_000));
    const answer = applyChunks(EMPTY_ANSWER, chunks);
    render(<AnswerParts parts={answer.parts} />);
    expect(screen.getByText('Called deep_tool')).toBeTruthy();
    expect(document.querySelector('.tool-line pre')?.textContent).toContain('[…deeper levels left out]');
  });

  it('is saved and restored with the conversation: the reload renders it too', () => {
    const sent = conversationReducer({ sessionId: 's', messages: [] }, { type: 'sent', prompt: 'go', userId: 'u', agentId: 'a', at: 0 });
    const streamed = conversationReducer(sent, { type: 'chunks', id: 'a', chunks: chunksFromFrame(deepArgsFrame(6_000)) });
    saveConversation(conversationReducer(streamed, { type: 'finished', id: 'a' }));
    const restored = loadConversation().messages[1];
    if (restored.role !== 'agent') throw new Error('expected the answer');
    render(<AnswerParts parts={restored.answer.parts} />);
    expect(screen.getByText('Called deep_tool')).toBeTruthy();
  });

  it('a conversation an earlier version saved with the raw value is bounded as it is restored', () => {
    // Written as text: the value cannot be built and stringified here (that is the point).
    const deepArgs = `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`;
    sessionStorage.setItem(
      'agent-console.conversation',
      `{"sessionId":"s","messages":[{"id":"a","role":"agent","at":0,"prompt":"go","status":"done","answer":{"parts":[{"kind":"tool-call","name":"deep_tool","args":${deepArgs}}]}}, 7, null]}`,
    );
    const conversation = loadConversation();
    expect(conversation.messages).toHaveLength(1);
    expect(() => saveConversation(conversation)).not.toThrow();
    expect(sessionStorage.getItem('agent-console.conversation')).toContain('[…deeper levels left out]');
  });
});
