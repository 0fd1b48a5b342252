import { isRecord, type JsonObject as Json } from '../../../lib/json-object.ts';
/**
 * What the event inspector says of one raw event: ADK's fields (camelCase, or snake_case from Python
 * clients), read defensively: an event is agent output, any field may be missing or of another type.
 */

export interface EventSummary {
  author?: string;
  invocationId?: string;
  /** 'partial', 'final', or undefined for a frame that is not an ADK event. */
  kind?: 'partial' | 'final';
  /** text, call get_weather, result get_weather, error … in order. */
  contents: string[];
  longRunningToolIds: string[];
  /** The keys of `actions` that carry something: stateDelta, artifactDelta, requestedAuthConfigs, … */
  actions: string[];
}

export interface TokenUsage {
  prompt: number;
  output: number;
  total: number;
}

function field(record: Json, camel: string): unknown {
  if (Object.hasOwn(record, camel)) return record[camel];
  const snake = camel.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
  return Object.hasOwn(record, snake) ? record[snake] : undefined;
}

function text(value: unknown, most = 80): string | undefined {
  return typeof value === 'string' && value ? value.slice(0, most) : undefined;
}

function partContents(part: unknown): string | undefined {
  if (!isRecord(part)) return undefined;
  if (part.thought === true) return 'thought';
  if (typeof part.text === 'string') return `text (${part.text.length} characters)`;
  const call = field(part, 'functionCall');
  if (isRecord(call)) return `call ${text(call.name) ?? '?'}`;
  const response = field(part, 'functionResponse');
  if (isRecord(response)) return `result ${text(response.name) ?? '?'}`;
  return Object.keys(part).slice(0, 3).join(', ') || undefined;
}

function nonEmpty(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return value !== false && value !== '';
}

export function summarizeEvent(event: unknown): EventSummary {
  if (!isRecord(event))
    return {
      contents: [typeof event === 'string' ? `raw text (${event.length} characters)` : 'JSON'],
      longRunningToolIds: [],
      actions: [],
    };
  const content = field(event, 'content');
  const parts = isRecord(content) && Array.isArray(content.parts) ? content.parts.slice(0, 20) : [];
  const contents = parts.map(partContents).filter((item): item is string => !!item);
  if ('error' in event && !content) contents.push(`error: ${text(event.message ?? event.error, 120) ?? ''}`);
  const ids = field(event, 'longRunningToolIds');
  const actions = field(event, 'actions');
  const isAdk = content !== undefined || field(event, 'invocationId') !== undefined;
  return {
    author: text(event.author),
    invocationId: text(field(event, 'invocationId')),
    kind: isAdk ? (event.partial === true ? 'partial' : 'final') : undefined,
    contents,
    longRunningToolIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').slice(0, 20) : [],
    actions: isRecord(actions)
      ? Object.keys(actions)
          .filter((key) => nonEmpty(actions[key]))
          .slice(0, 20)
      : [],
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/**
 * Tokens the model used for an answer, from ADK's `usageMetadata`: each model response (a final event) counts
 * once; partial events repeat their response's figures, so they are left out. Undefined when no event says.
 */
export function tokenUsage(events: readonly unknown[]): TokenUsage | undefined {
  let found = false;
  const usage: TokenUsage = { prompt: 0, output: 0, total: 0 };
  for (const event of events) {
    if (!isRecord(event) || event.partial === true) continue;
    const metadata = field(event, 'usageMetadata');
    if (!isRecord(metadata)) continue;
    found = true;
    const prompt = count(field(metadata, 'promptTokenCount'));
    const output = count(field(metadata, 'candidatesTokenCount'));
    usage.prompt += prompt;
    usage.output += output;
    usage.total += count(field(metadata, 'totalTokenCount')) || prompt + output;
  }
  return found ? usage : undefined;
}
