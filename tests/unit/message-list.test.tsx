import { render, waitFor } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { MessageList } from '../../src/features/chat/components/message-list.tsx';
import type { ChatMessage } from '../../src/features/chat/conversation.ts';

const question = (index: number): ChatMessage => ({ id: `user-${index}`, role: 'user', text: `Question ${index}`, at: index });

/** What the first commit (and any of the parent) put in the log: the questions shown, oldest first. */
function Recorder({ messages, commits, id = 'session-1' }: { messages: ChatMessage[]; commits: string[][]; id?: string }) {
  useLayoutEffect(() => {
    commits.push([...document.querySelectorAll('article.message')].map((article) => article.textContent ?? ''));
  });
  return <MessageList conversationId={id} messages={messages} agentName="Agent" actions={{ signIn: () => undefined }} dropped={3} />;
}

describe('a restored conversation of hundreds of messages', () => {
  it('shows its newest messages in the first frame, then mounts the older ones above them until all are there', async () => {
    const messages = Array.from({ length: 200 }, (_, index) => question(index));
    const commits: string[][] = [];
    const { container } = render(<Recorder messages={messages} commits={commits} />);

    const first = commits[0];
    // The first frame is not the whole conversation, but it ends with its newest message, with nothing missing before it.
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(200);
    expect(first.at(-1)).toContain('Question 199');
    expect(first.at(0)).toContain(`Question ${200 - first.length}`);
    // The note about older messages left out belongs above the oldest one: not shown until that one is.
    const note = () => container.querySelector('.log-messages > p.meta');
    expect(note()).toBeNull();

    await waitFor(() => expect(container.querySelectorAll('article.message')).toHaveLength(200));
    const all = [...container.querySelectorAll('article.message')].map((article) => article.textContent);
    expect(all.map((text) => text?.match(/Question \d+/)?.[0])).toEqual(messages.map((_, index) => `Question ${index}`));
    expect(note()?.textContent).toMatch(/\b3\b/);
    expect(note()?.nextElementSibling?.textContent).toContain('Question 0');
  });

  it('mounts another long conversation opened into the log the same way, newest first, whatever was shown before', async () => {
    const commits: string[][] = [];
    const shown = Array.from({ length: 190 }, (_, index) => question(index));
    const { rerender, container } = render(<Recorder messages={shown} commits={commits} />);
    await waitFor(() => expect(container.querySelectorAll('article.message')).toHaveLength(190));
    commits.length = 0;
    const opened = Array.from({ length: 200 }, (_, index) => question(index + 1000));
    rerender(<Recorder id="session-2" messages={opened} commits={commits} />);
    expect(commits[0].length).toBeLessThan(200);
    expect(commits[0].at(-1)).toContain('Question 1199');
    await waitFor(() => expect(container.querySelectorAll('article.message')).toHaveLength(200));
  });

  it('shows a short conversation whole at once', () => {
    const commits: string[][] = [];
    render(<Recorder messages={Array.from({ length: 10 }, (_, index) => question(index))} commits={commits} />);
    expect(commits[0]).toHaveLength(10);
  });
});
