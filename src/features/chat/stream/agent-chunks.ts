import { boundValue } from '../../../lib/bounded-json.ts';
import { isRecord } from '../../../lib/json-object.ts';
import { type CredentialRequest, credentialRequest, REQUEST_CREDENTIAL } from '../outbound/credential-request.ts';

/** What an answer is made of, whatever the wire format (JSON body, raw SSE strings, ADK events). */
export type AgentChunk =
  | { type: 'text-delta'; text: string }
  | { type: 'text-final'; text: string }
  | { type: 'json'; value: unknown }
  | { type: 'tool-call'; id?: string; name: string; args: unknown }
  /** `awaitsCredential`: the waiting tool's placeholder while ADK asks for the credential, not a grant. */
  | { type: 'tool-result'; id?: string; name: string; response: unknown; awaitsCredential?: true }
  /** The agent waits for the user's consent to a third party (an `adk_request_credential` long-running call). */
  | { type: 'auth-request'; request: CredentialRequest }
  | { type: 'error'; message: string; errorType?: string }
  /** One raw event as the agent sent it (an ADK event, a raw frame, a JSON answer), numbered from 0: for the inspector. */
  | { type: 'event'; seq: number; event: unknown };

interface AdkPart {
  text?: unknown;
  thought?: unknown;
  functionCall?: { id?: string; name?: string; args?: unknown };
  functionResponse?: { id?: string; name?: string; response?: unknown };
}

function errorChunk(payload: Record<string, unknown>): AgentChunk | undefined {
  if (!('error' in payload) || 'content' in payload) return undefined;
  const nested = isRecord(payload.error) ? payload.error : undefined;
  const message = payload.message ?? nested?.message ?? payload.error;
  const errorType = payload.error_type ?? nested?.type;
  return { type: 'error', message: String(message), ...(errorType ? { errorType: String(errorType) } : {}) };
}

/** The tool calls an event says wait for a credential (`actions.requestedAuthConfigs`, keyed by call id). */
function credentialWaits(payload: Record<string, unknown>): Set<string> {
  const actions = Object.hasOwn(payload, 'actions') ? payload.actions : undefined;
  if (!isRecord(actions)) return new Set();
  const requested = Object.hasOwn(actions, 'requestedAuthConfigs') ? actions.requestedAuthConfigs : actions.requested_auth_configs;
  return new Set(isRecord(requested) ? Object.keys(requested) : []);
}

/** The ids of an event's long-running tool calls (camelCase or snake_case), the mark of a credential request. */
function longRunningIds(payload: Record<string, unknown>): Set<string> {
  const ids = Object.hasOwn(payload, 'longRunningToolIds') ? payload.longRunningToolIds : payload.long_running_tool_ids;
  return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
}

function callChunk(call: NonNullable<AdkPart['functionCall']>, waiting: Set<string>): AgentChunk {
  const name = String(call.name ?? '?');
  if (name === REQUEST_CREDENTIAL && typeof call.id === 'string' && waiting.has(call.id)) {
    return { type: 'auth-request', request: credentialRequest(call.id, boundValue(call.args)) };
  }
  // Untrusted values are bounded where they come in: nothing after this walks 6,000 levels or a million entries.
  return { type: 'tool-call', id: call.id, name: name.slice(0, 200), args: boundValue(call.args ?? {}) };
}

/** One ADK event (or error frame) to chunks: partial text is a delta, non-partial text the whole consolidated text. */
export function chunksFromEvent(payload: Record<string, unknown>): AgentChunk[] {
  const error = errorChunk(payload);
  if (error) return [error];
  const content = isRecord(payload.content) ? payload.content : undefined;
  if (!content || !Array.isArray(content.parts)) return [];
  const partial = payload.partial === true;
  const waiting = longRunningIds(payload);
  const credentialPending = credentialWaits(payload);
  const chunks: AgentChunk[] = [];
  for (const candidate of content.parts as unknown[]) {
    if (!isRecord(candidate)) continue;
    const part = candidate as AdkPart;
    if (part.thought === true) continue;
    if (typeof part.text === 'string') chunks.push({ type: partial ? 'text-delta' : 'text-final', text: part.text });
    else if (isRecord(part.functionCall)) chunks.push(callChunk(part.functionCall, waiting));
    else if (isRecord(part.functionResponse)) {
      chunks.push({
        type: 'tool-result',
        id: part.functionResponse.id,
        name: String(part.functionResponse.name ?? '?').slice(0, 200),
        response: boundValue(part.functionResponse.response ?? null),
        ...(typeof part.functionResponse.id === 'string' && credentialPending.has(part.functionResponse.id)
          ? { awaitsCredential: true as const }
          : {}),
      });
    }
  }
  return chunks;
}

/**
 * A JSON (non-streamed) answer that is a list of ADK events, read like the same events streamed; undefined
 * for any other JSON, which shows as it is. Partial events are left out: the final ones repeat their text.
 */
export function chunksFromEventList(value: unknown): AgentChunk[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((event) => isRecord(event) && isRecord(event.content))) return undefined;
  return (value as Record<string, unknown>[]).filter((event) => event.partial !== true).flatMap(chunksFromEvent);
}

type ParsedFrame = { json: true; payload: unknown } | { json: false };

function parseFrame(data: string): ParsedFrame {
  try {
    return { json: true, payload: JSON.parse(data) };
  } catch {
    return { json: false };
  }
}

function chunksOfFrame(data: string, frame: ParsedFrame): AgentChunk[] {
  if (!frame.json) return data ? [{ type: 'text-delta', text: data }] : [];
  const { payload } = frame;
  if (typeof payload === 'string') return payload ? [{ type: 'text-delta', text: payload }] : [];
  if (!isRecord(payload)) return [{ type: 'json', value: boundValue(payload) }];
  return chunksFromEvent(payload);
}

/**
 * One SSE frame's data to chunks. A JSON string or anything that is not JSON is raw text; an ADK event gives
 * its parts; an error frame an error.
 */
export function chunksFromFrame(data: string): AgentChunk[] {
  return chunksOfFrame(data, parseFrame(data));
}

/** The same, preceded by the frame as a raw event numbered `seq` (its JSON, or its text when it is not JSON). */
export function chunksWithEvent(data: string, seq: number): AgentChunk[] {
  const frame = parseFrame(data);
  return [{ type: 'event', seq, event: frame.json ? frame.payload : data }, ...chunksOfFrame(data, frame)];
}

/** The raw events of a JSON (non-streamed) answer: each event of a list of ADK events, else the answer itself. */
export function eventsOfJsonAnswer(value: unknown): unknown[] {
  return Array.isArray(value) && chunksFromEventList(value) ? value : [value];
}
