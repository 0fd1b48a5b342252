import type { ServerResponse } from 'node:http';

export function startEventStream(res: ServerResponse, headers: Record<string, string>) {
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
}

/** One SSE frame; JSON payloads are serialised on one line, raw strings may span several data lines. */
export function sendFrame(res: ServerResponse, payload: unknown): number {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const frame = `${text
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;
  res.write(frame);
  return Buffer.byteLength(frame);
}
