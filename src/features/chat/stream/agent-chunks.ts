/** What an answer is made of, whatever the wire format (JSON body, raw SSE strings, ADK events). */
export type AgentChunk =
  | { type: 'text-delta'; text: string }
  | { type: 'text-final'; text: string }
  | { type: 'json'; value: unknown }
  | { type: 'tool-call'; id?: string; name: string; args: unknown }
  | { type: 'tool-result'; id?: string; name: string; response: unknown }
  | { type: 'error'; message: string; errorType?: string };

interface AdkPart {
  text?: unknown;
  thought?: unknown;
  functionCall?: { id?: string; name?: string; args?: unknown };
  functionResponse?: { id?: string; name?: string; response?: unknown };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorChunk(payload: Record<string, unknown>): AgentChunk | undefined {
  if (!('error' in payload) || 'content' in payload) return undefined;
  const nested = isRecord(payload.error) ? payload.error : undefined;
  const message = payload.message ?? nested?.message ?? payload.error;
  const errorType = payload.error_type ?? nested?.type;
  return { type: 'error', message: String(message), ...(errorType ? { errorType: String(errorType) } : {}) };
}

/**
 * One SSE frame's data to chunks. A JSON string or anything that is not JSON is raw text; an ADK event gives
 * its parts (partial text is a delta, non-partial text the whole consolidated text); an error frame an error.
 */
export function chunksFromFrame(data: string): AgentChunk[] {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return data ? [{ type: 'text-delta', text: data }] : [];
  }
  if (typeof payload === 'string') return payload ? [{ type: 'text-delta', text: payload }] : [];
  if (!isRecord(payload)) return [{ type: 'json', value: payload }];
  const error = errorChunk(payload);
  if (error) return [error];
  const content = isRecord(payload.content) ? payload.content : undefined;
  if (!content || !Array.isArray(content.parts)) return [];
  const partial = payload.partial === true;
  const chunks: AgentChunk[] = [];
  for (const candidate of content.parts as unknown[]) {
    if (!isRecord(candidate)) continue;
    const part = candidate as AdkPart;
    if (part.thought === true) continue;
    if (typeof part.text === 'string') chunks.push({ type: partial ? 'text-delta' : 'text-final', text: part.text });
    else if (part.functionCall) {
      chunks.push({
        type: 'tool-call',
        id: part.functionCall.id,
        name: String(part.functionCall.name ?? '?'),
        args: part.functionCall.args ?? {},
      });
    } else if (part.functionResponse) {
      chunks.push({
        type: 'tool-result',
        id: part.functionResponse.id,
        name: String(part.functionResponse.name ?? '?'),
        response: part.functionResponse.response ?? null,
      });
    }
  }
  return chunks;
}
