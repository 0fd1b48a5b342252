import { errorFrameTexts, type FailureEvidence } from '../../lib/agentkit-errors.ts';

/** A pasted answer longer than this is cut: no error shape is that long. */
const MAX_PASTE_CHARS = 64 * 1024;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/i;
const HEADER_LINE = /^([A-Za-z0-9-]+):\s?(.*)$/;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The words of a JSON error body: AgentKit's, ADK's, FastAPI's, OAuth's (`error_description`), or a JSON string. */
function bodyTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const frame = errorFrameTexts(value);
  const texts = frame ? [...frame] : [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return texts;
  const record = value as Record<string, unknown>;
  for (const field of ['error_description', 'detail', 'message']) {
    const said = Object.hasOwn(record, field) ? record[field] : undefined;
    if (typeof said === 'string' && !texts.includes(said)) texts.push(said);
  }
  return texts;
}

/**
 * What someone pasted from a failed call, read as the console reads a live one: an HTTP answer (status line,
 * headers, a blank line, the body), a lone `WWW-Authenticate:` line or Bearer challenge, SSE `data:` frames, a JSON
 * body or plain words, in any mix. Nothing is run or fetched; it is text the explainer matches.
 */
export function parseErrorPaste(text: string): FailureEvidence {
  const lines = text.slice(0, MAX_PASTE_CHARS).split(/\r?\n/);
  let status: number | undefined;
  let challenge: string | undefined;
  const texts: string[] = [];
  const body: string[] = [];
  let inHeaders = false;
  for (const raw of lines) {
    const line = raw.trim();
    const statusLine = STATUS_LINE.exec(line);
    if (statusLine && status === undefined) {
      status = Number(statusLine[1]);
      inHeaders = true;
      continue;
    }
    if (inHeaders && !line) {
      inHeaders = false;
      continue;
    }
    const header = HEADER_LINE.exec(line);
    if (header && header[1].toLowerCase() === 'www-authenticate') {
      challenge ??= header[2];
      continue;
    }
    // Other headers of an HTTP answer say nothing the table reads (content-type, date, …).
    if (inHeaders && header) continue;
    if (/^bearer\s/i.test(line) && challenge === undefined) {
      challenge = line;
      continue;
    }
    if (line.startsWith('data:')) {
      const frame = parseJson(line.slice('data:'.length).trim());
      const said = frame.ok ? errorFrameTexts(frame.value) : undefined;
      if (said) texts.push(...said);
      continue;
    }
    if (line) body.push(line);
  }
  const rest = body.join('\n');
  if (rest) {
    const json = parseJson(rest);
    const said = json.ok ? bodyTexts(json.value) : [rest];
    texts.push(...(said.length > 0 ? said : [rest]));
  }
  return { ...(status !== undefined ? { status } : {}), ...(challenge !== undefined ? { challenge } : {}), texts };
}
