import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EventInspector } from '../../src/features/chat/inspector/event-inspector.tsx';
import { chunksWithEvent, eventsOfJsonAnswer } from '../../src/features/chat/stream/agent-chunks.ts';
import { applyChunks, EMPTY_ANSWER } from '../../src/features/chat/stream/answer.ts';
import { eventsOf, forgetEvents, recordEvent } from '../../src/features/chat/stream/event-log.ts';
import { summarizeEvent, tokenUsage } from '../../src/features/chat/stream/event-summary.ts';

afterEach(() => forgetEvents());

const adk = (index: number, extra: Record<string, unknown> = {}) => ({
  author: 'weather_agent',
  invocationId: 'e-1',
  partial: false,
  content: { role: 'model', parts: [{ text: `part ${index}` }] },
  ...extra,
});

describe('raw events of an answer', () => {
  it('each SSE frame is one raw event ahead of its chunks, counted by the answer', () => {
    const chunks = ['"raw text"', JSON.stringify(adk(1)), 'not json'].flatMap((data, seq) => chunksWithEvent(data, seq));
    expect(chunks.filter((chunk) => chunk.type === 'event').map((chunk) => chunk.type === 'event' && chunk.event)).toEqual([
      'raw text',
      adk(1),
      'not json',
    ]);
    expect(applyChunks(EMPTY_ANSWER, chunks).events).toBe(3);
  });

  it('a JSON answer that is a list of ADK events gives each event; any other JSON is one', () => {
    expect(eventsOfJsonAnswer([adk(1), adk(2)])).toHaveLength(2);
    expect(eventsOfJsonAnswer('Hello')).toEqual(['Hello']);
    expect(eventsOfJsonAnswer([1, 2])).toEqual([[1, 2]]);
  });

  it('records each sequence number once, and keeps them bounded', () => {
    recordEvent('a', 0, { n: 0 });
    recordEvent('a', 0, { n: 0 });
    recordEvent('a', 1, JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`));
    expect(eventsOf('a')).toHaveLength(2);
    expect(JSON.stringify(eventsOf('a')[1])).toContain('deeper levels left out');
  });

  it('summarises ADK fields, camelCase or snake_case, and sums token usage over final events', () => {
    const call = {
      author: 'docs_agent',
      invocation_id: 'e-9',
      content: { parts: [{ function_call: { id: 'c1', name: 'adk_request_credential', args: {} } }] },
      long_running_tool_ids: ['c1'],
      actions: { stateDelta: {}, requestedAuthConfigs: { t1: {} } },
    };
    expect(summarizeEvent(call)).toEqual({
      author: 'docs_agent',
      invocationId: 'e-9',
      kind: 'final',
      contents: ['call adk_request_credential'],
      longRunningToolIds: ['c1'],
      actions: ['requestedAuthConfigs'],
    });
    const usage = (prompt: number, output: number, partial = false) => ({
      ...adk(0),
      partial,
      usageMetadata: { promptTokenCount: prompt, candidatesTokenCount: output, totalTokenCount: prompt + output },
    });
    expect(tokenUsage([usage(10, 5, true), usage(10, 7), usage(30, 3)])).toEqual({ prompt: 40, output: 10, total: 50 });
    expect(tokenUsage([adk(1)])).toBeUndefined();
  });
});

describe('the event inspector', () => {
  it('renders 20,000 events 50 rows at a time, with the token usage', () => {
    for (let seq = 0; seq < 20_000; seq++) {
      recordEvent(
        'big',
        seq,
        seq === 19_999 ? { ...adk(seq), usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 8 } } : adk(seq),
      );
    }
    render(<EventInspector answerId="big" count={20_000} />);
    expect(screen.getByText('Tokens used: 12 prompt, 8 output, 20 in all.')).toBeTruthy();
    expect(document.querySelectorAll('tbody tr')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more (4950 not shown)' }));
    expect(document.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(screen.getByText('The first 5000 events are kept; 15000 later ones were counted, not kept.')).toBeTruthy();
  });

  it('says when the raw events are gone (after a reload)', () => {
    render(<EventInspector answerId="reloaded" count={12} />);
    expect(screen.getByText(/This answer had 12 events; their raw form is kept in this tab only/)).toBeTruthy();
  });
});
