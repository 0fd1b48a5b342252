import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAnswerAnnouncement } from '../../src/features/chat/components/answer-announcer.ts';
import type { AnswerStatus, ChatMessage } from '../../src/features/chat/conversation.ts';

const answer = (status: AnswerStatus): ChatMessage => ({
  id: 'a1',
  role: 'agent',
  at: 1,
  prompt: 'q',
  status,
  answer: { parts: [{ kind: 'text', text: 'ignored: the rendered DOM is read' }] },
});

/** The log's list with one answer rendered as `html`; what is announced once that answer ends. */
function announcementOf(html: string): string {
  const list = document.createElement('div');
  list.innerHTML = `<article>${html}</article>`;
  const { result, rerender } = renderHook(({ messages }) => useAnswerAnnouncement(messages, 'Agent', { current: list }), {
    initialProps: { messages: [answer('streaming')] },
  });
  rerender({ messages: [answer('done')] });
  return result.current;
}

describe('the announcement of a finished answer', () => {
  it('says the answer as rendered, whitespace collapsed, without buttons or status lines', () => {
    expect(
      announcementOf(
        '<p class="meta">Agent · 12:00</p><h2>  Result\n\n</h2><button>Copy code</button><pre>x  =\n 1</pre><p role="status">Waiting</p>\n<p>done.</p>',
      ),
    ).toBe('Agent answered: Result x = 1 done.');
  });

  it('says the first 2,000 characters of a long answer, then an ellipsis', () => {
    const blocks = Array.from({ length: 3_000 }, (_, index) => `<p>block ${String(index).padStart(4, '0')}</p>`).join('\n');
    const said = announcementOf(blocks);
    const text = said.slice('Agent answered: '.length);
    expect(text).toHaveLength(2_001);
    expect(text.endsWith('…')).toBe(true);
    expect(text.startsWith('block 0000 block 0001 ')).toBe(true);
  });

  it('says an ellipsis when the answer goes on, even if its 2,001st character is a space', () => {
    const said = announcementOf(`<p>${'x'.repeat(2_000)}</p>\n<p>and more</p>`);
    expect(said.slice('Agent answered: '.length)).toBe(`${'x'.repeat(2_000)}…`);
    expect(announcementOf(`<p>${'x'.repeat(2_000)}</p>\n`).slice('Agent answered: '.length)).toBe('x'.repeat(2_000));
  });
});
