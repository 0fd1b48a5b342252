// @vitest-environment node
import type { LlmRequest, LlmResponse } from '@google/adk';
import { describe, expect, it } from 'vitest';
import { callerInstruction, ScriptedModel, scriptedTurn } from '../../dev/adk-agent/scripted-model.ts';

type Content = LlmRequest['contents'][number];

const user = (text: string): Content => ({ role: 'user', parts: [{ text }] });
const model = (text: string): Content => ({ role: 'model', parts: [{ text }] });
const toolResult = (name: string, response: Record<string, unknown>): Content => ({
  role: 'user',
  parts: [{ functionResponse: { id: 'call-1', name, response } }],
});

function request(contents: Content[], caller = { sub: 'sub-alice', name: 'Alice Liddell' }): LlmRequest {
  return {
    contents,
    config: { systemInstruction: ['You are the local agent.', callerInstruction(caller)].join('\n') },
    toolsDict: {},
    liveConnectConfig: {},
  };
}

async function collect(responses: AsyncGenerator<LlmResponse>): Promise<LlmResponse[]> {
  const all: LlmResponse[] = [];
  for await (const response of responses) all.push(response);
  return all;
}

const textOf = (response: LlmResponse) => response.content?.parts?.map((part) => part.text ?? '').join('') ?? '';

describe('scripted model: what it answers', () => {
  it('greets the caller the instruction names, echoing the prompt and the verified sub', () => {
    const turn = scriptedTurn(request([user('good morning')]));
    expect(turn.kind).toBe('text');
    const text = turn.kind === 'text' ? turn.text : '';
    expect(text).toContain('Hello, **Alice Liddell**! You said: “good morning”.');
    expect(text).toContain('`sub-alice`');
  });

  it('answers “what did I say first?” and /recall with the first user text of the conversation, not the latest', () => {
    const history = [user('My name is Ada'), model('Hello Ada'), user('/weather london'), toolResult('get_weather', {}), model('Drizzle')];
    for (const question of ['What did I say first?', 'what did i say first', '/recall']) {
      expect(scriptedTurn(request([...history, user(question)]))).toEqual({
        kind: 'text',
        text: 'You first said: “My name is Ada”.',
      });
    }
  });

  it('calls get_weather for /weather (Beijing when no city) and read_document for /docs', () => {
    expect(scriptedTurn(request([user('/weather Hangzhou')]))).toEqual({ kind: 'call', name: 'get_weather', args: { city: 'Hangzhou' } });
    expect(scriptedTurn(request([user('/weather')]))).toEqual({ kind: 'call', name: 'get_weather', args: { city: 'Beijing' } });
    expect(scriptedTurn(request([user('/docs Q3 plan')]))).toEqual({ kind: 'call', name: 'read_document', args: { name: 'Q3 plan' } });
  });

  it('answers a tool’s result with what the tool said: the weather, the summary, or the refusal', () => {
    const weather = toolResult('get_weather', { status: 'success', city: 'London', report: 'drizzle, 14 °C' });
    expect(scriptedTurn(request([user('/weather London'), weather]))).toEqual({
      kind: 'text',
      text: 'The weather in **London**: drizzle, 14 °C.',
    });
    const read = toolResult('read_document', { status: 'success', name: 'Plan', summary: 'three pages' });
    expect(scriptedTurn(request([user('/docs Plan'), read]))).toEqual({ kind: 'text', text: '**Plan**: three pages' });
    const refused = toolResult('read_document', { status: 'denied', message: 'Access denied: you refused.' });
    expect(scriptedTurn(request([user('/docs Plan'), refused]))).toEqual({ kind: 'text', text: 'Access denied: you refused.' });
  });
});

describe('scripted model: how it answers', () => {
  it('streams partial deltas that add up to the final, non-partial response', async () => {
    const responses = await collect(new ScriptedModel().generateContentAsync(request([user('stream me')]), true));
    const partials = responses.filter((response) => response.partial);
    const final = responses.at(-1)!;
    expect(partials.length).toBeGreaterThan(5);
    expect(final.partial).toBe(false);
    expect(final.turnComplete).toBe(true);
    expect(partials.map(textOf).join('')).toBe(textOf(final));
    expect(final.usageMetadata?.candidatesTokenCount).toBe(partials.length);
  });

  it('answers in one response when no stream is asked for, and a tool call is never partial', async () => {
    const whole = await collect(new ScriptedModel().generateContentAsync(request([user('all at once')]), false));
    expect(whole).toHaveLength(1);
    expect(textOf(whole[0])).toContain('all at once');
    const call = await collect(new ScriptedModel().generateContentAsync(request([user('/weather Shenzhen')]), true));
    expect(call).toHaveLength(1);
    expect(call[0].partial).toBeUndefined();
    expect(call[0].content?.parts?.[0].functionCall).toEqual({ name: 'get_weather', args: { city: 'Shenzhen' } });
  });
});
