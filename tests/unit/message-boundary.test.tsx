import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MessageList } from '../../src/features/chat/components/message-list.tsx';
import type { ChatMessage } from '../../src/features/chat/conversation.ts';

// A rendering bug that only one answer's text triggers: the rest of the conversation must not pay for it.
vi.mock('../../src/features/chat/markdown/index.ts', () => ({
  setLinkAgentEndpoint: () => undefined,
  Markdown: ({ text }: { text: string }) => {
    if (text.includes('BOOM')) throw new Error('the renderer broke on this answer');
    return <div className="markdown">{text}</div>;
  },
  loadRenderer: () => Promise.resolve(),
}));

const agent = (id: string, text: string): ChatMessage => ({
  id,
  role: 'agent',
  at: 0,
  prompt: 'q',
  status: 'done',
  answer: {
    parts: [
      { kind: 'text', text },
      { kind: 'tool-call', name: 'lookup', args: { city: 'Paris' } },
    ],
  },
});

describe('one answer that cannot be rendered', () => {
  it('shows "This answer could not be shown" with its raw text, and every other message as usual', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    const messages: ChatMessage[] = [
      { id: 'u1', role: 'user', text: 'first question', at: 0 },
      agent('a1', 'BOOM and some text'),
      { id: 'u2', role: 'user', text: 'second question', at: 0 },
      agent('a2', 'A fine answer'),
    ];
    render(<MessageList conversationId="s" messages={messages} agentName="Agent" actions={{ signIn: () => undefined }} />);
    expect(screen.getByRole('alert').textContent).toBe('This answer could not be shown: the renderer broke on this answer');
    expect(screen.getByText('Show the raw answer')).toBeTruthy();
    const raw = document.querySelector('[data-status="unshown"] pre')?.textContent ?? '';
    expect(raw).toContain('BOOM and some text');
    expect(raw).toContain('"city": "Paris"');
    expect(screen.getByText('A fine answer')).toBeTruthy();
    expect(screen.getByText('second question')).toBeTruthy();
    expect(screen.getByRole('log').querySelectorAll('article')).toHaveLength(4);
  });
});
