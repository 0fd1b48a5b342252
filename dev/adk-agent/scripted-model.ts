import { setTimeout as delay } from 'node:timers/promises';
import { BaseLlm, type BaseLlmConnection, type LlmRequest, type LlmResponse } from '@google/adk';
import { deltas } from '../agent/replies.ts';

/** Who the model is talking to, as the agent's instruction tells it (see `callerInstruction`). */
export interface Caller {
  sub: string;
  name?: string;
}

/** What the scripted model does next: answer in text, or call one of the agent's tools. */
export type ScriptedTurn = { kind: 'text'; text: string } | { kind: 'call'; name: string; args: Record<string, unknown> };

type Content = LlmRequest['contents'][number];
type Part = NonNullable<Content['parts']>[number];

const CALLER_LINE = 'caller: ';
const RECALL = /^(\/recall\b|what did i say first\b)/i;

/** The line of the system instruction that tells the model who the caller is; the runtime writes it from the verified `sub`. */
export function callerInstruction(caller: Caller): string {
  return `${CALLER_LINE}${JSON.stringify(caller)}`;
}

function callerFrom(systemInstruction: unknown): Caller | undefined {
  if (typeof systemInstruction !== 'string') return undefined;
  const line = systemInstruction.split('\n').find((candidate) => candidate.startsWith(CALLER_LINE));
  if (!line) return undefined;
  try {
    const parsed = JSON.parse(line.slice(CALLER_LINE.length)) as Partial<Caller>;
    return typeof parsed.sub === 'string'
      ? { sub: parsed.sub, ...(typeof parsed.name === 'string' ? { name: parsed.name } : {}) }
      : undefined;
  } catch {
    return undefined;
  }
}

function textOf(content: Content | undefined): string | undefined {
  const texts = (content?.parts ?? []).flatMap((part: Part) => (typeof part.text === 'string' && !part.thought ? [part.text] : []));
  return texts.length ? texts.join('') : undefined;
}

function greeting(caller: Caller | undefined, said: string): string {
  const who = caller?.name ?? caller?.sub ?? 'stranger';
  return [
    `Hello, **${who}**! You said: “${said.trim() || '(nothing)'}”.`,
    '',
    `- your verified \`sub\`: \`${caller?.sub ?? 'unknown'}\``,
    '- I am an ADK agent: this conversation is an ADK session, kept until the agent restarts',
    '',
    'Ask me “what did I say first?”, or try `/weather <city>` and `/docs <name>`.',
  ].join('\n');
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The model's answer to a tool's result: the last content of the request is the tool's response. */
function answerToTool(name: string | undefined, response: Record<string, unknown>): string {
  if (name === 'get_weather') {
    return response.status === 'success'
      ? `The weather in **${String(response.city)}**: ${String(response.report)}.`
      : String(response.report);
  }
  if (name === 'read_document') {
    if (response.status === 'success') return `**${String(response.name)}**: ${String(response.summary)}`;
    return String(response.message ?? 'The documents provider did not answer.');
  }
  return `The tool ${name ?? '(unnamed)'} answered.`;
}

/**
 * Decides the model's next turn from the request alone, the way an LLM would: the caller from the system
 * instruction, the prompt and the whole conversation from `contents` (ADK puts the session's history there).
 */
export function scriptedTurn(request: Pick<LlmRequest, 'contents' | 'config'>): ScriptedTurn {
  const caller = callerFrom(request.config?.systemInstruction);
  const last = request.contents.at(-1);
  const toolResponse = last?.parts?.find((part: Part) => part.functionResponse)?.functionResponse;
  if (toolResponse) return { kind: 'text', text: answerToTool(toolResponse.name, record(toolResponse.response)) };

  const prompt = (last?.role === 'user' ? textOf(last) : undefined)?.trim() ?? '';
  const [command, ...rest] = prompt.split(/\s+/);
  const argument = rest.join(' ');
  if (command === '/weather') return { kind: 'call', name: 'get_weather', args: { city: argument || 'Beijing' } };
  if (command === '/docs') return { kind: 'call', name: 'read_document', args: { name: argument.slice(0, 100) || 'Quarterly plan' } };
  if (RECALL.test(prompt)) {
    const first = request.contents.map((content) => (content.role === 'user' ? textOf(content) : undefined)).find((text) => text);
    return { kind: 'text', text: `You first said: “${first?.trim() ?? ''}”.` };
  }
  if (command === '/stream') return { kind: 'text', text: greeting(caller, argument) };
  return { kind: 'text', text: greeting(caller, prompt) };
}

function countWords(text: string): number {
  return deltas(text).length;
}

/**
 * A `BaseLlm` that answers from a script instead of a network: ADK runs it like any model (instructions,
 * history, tools, streaming), so everything around the model is the real runtime.
 */
export class ScriptedModel extends BaseLlm {
  private readonly stepDelayMs: number;

  constructor(options: { stepDelayMs?: number } = {}) {
    super({ model: 'scripted' });
    this.stepDelayMs = options.stepDelayMs ?? 0;
  }

  async *generateContentAsync(request: LlmRequest, stream = false, abortSignal?: AbortSignal): AsyncGenerator<LlmResponse, void> {
    const turn = scriptedTurn(request);
    if (turn.kind === 'call') {
      yield { content: { role: 'model', parts: [{ functionCall: { name: turn.name, args: turn.args } }] } };
      return;
    }
    if (stream) {
      for (const piece of deltas(turn.text)) {
        if (this.stepDelayMs) await delay(this.stepDelayMs, undefined, { signal: abortSignal });
        yield { content: { role: 'model', parts: [{ text: piece }] }, partial: true };
      }
    }
    const promptTokenCount = request.contents.reduce((sum, content) => sum + countWords(textOf(content) ?? ''), 0);
    const candidatesTokenCount = countWords(turn.text);
    yield {
      content: { role: 'model', parts: [{ text: turn.text }] },
      partial: false,
      turnComplete: true,
      usageMetadata: { promptTokenCount, candidatesTokenCount, totalTokenCount: promptTokenCount + candidatesTokenCount },
    };
  }

  connect(): Promise<BaseLlmConnection> {
    return Promise.reject(new Error('The scripted model has no live (bidi) mode.'));
  }
}
