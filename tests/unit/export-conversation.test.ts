import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/features/chat/conversation.ts';
import { conversationJson, conversationMarkdown } from '../../src/features/chat/export/export-conversation.ts';
import { redactText } from '../../src/features/chat/export/redact.ts';
import { recordEvent } from '../../src/features/chat/stream/event-log.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const OPAQUE = 'opaque-session-token-0123456789';

const conversation: Conversation = {
  sessionId: 'session-1',
  messages: [
    { id: 'u1', role: 'user', text: 'What is the weather in London?', at: Date.UTC(2026, 11, 6, 9) },
    {
      id: 'a1',
      role: 'agent',
      at: Date.UTC(2026, 11, 6, 9, 0, 2),
      prompt: 'What is the weather in London?',
      status: 'done',
      answer: {
        parts: [
          { kind: 'tool-call', name: 'get_weather', args: { city: 'London', authorization: `Bearer ${OPAQUE}` } },
          { kind: 'tool-result', name: 'get_weather', response: { report: 'rain', access_token: 'abc' } },
          { kind: 'text', text: `It rains. Your token was ${JWT}, sent as Authorization: Bearer ${OPAQUE}.` },
        ],
        events: 1,
      },
    },
  ],
};
recordEvent('a1', 0, { author: 'weather_agent', content: { parts: [{ text: `echo ${JWT}` }] } });
const context = { agentName: 'Weather Agent', knownTokens: [OPAQUE], now: new Date(Date.UTC(2026, 11, 6, 10)) };

describe('exporting a conversation', () => {
  it('as Markdown: prompts, answers and tool calls, named after the agent and the date, without a token', () => {
    const file = conversationMarkdown(conversation, context);
    expect(file.name).toBe('weather-agent-conversation-2026-12-06.md');
    expect(file.text).toContain('# Conversation with Weather Agent');
    expect(file.text).toContain('## You · 2026-12-06T09:00:00.000Z\n\nWhat is the weather in London?');
    expect(file.text).toContain('> Called get_weather: `{"city":"London","authorization":"Bearer [redacted]"}`');
    expect(file.text).toContain('It rains. Your token was [redacted], sent as Authorization: Bearer [redacted].');
    expect(file.text).not.toContain(OPAQUE);
    expect(file.text).not.toContain('eyJ');
  });

  it('as JSON: every message and the raw events, credential fields and token shapes redacted', () => {
    const file = conversationJson(conversation, context);
    expect(file.name).toBe('weather-agent-conversation-2026-12-06.json');
    const document = JSON.parse(file.text);
    expect(document.sessionId).toBe('session-1');
    expect(document.messages[1].parts[1].response).toEqual({ report: 'rain', access_token: '[redacted]' });
    expect(document.messages[1].events).toEqual([{ author: 'weather_agent', content: { parts: [{ text: 'echo [redacted]' }] } }]);
    expect(file.text).not.toContain(OPAQUE);
    expect(file.text).not.toContain('eyJ');
  });

  it('redacts a JWT however it is embedded, and leaves ordinary text alone', () => {
    expect(redactText(`token=${JWT}&x=1`)).toBe('token=[redacted]&x=1');
    expect(redactText('Bearer of good news, basically fine')).toBe('Bearer of good news, basically fine');
  });
});
