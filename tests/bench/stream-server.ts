import { createServer, type Server } from 'node:http';
import { markdownDeltas, markdownReport, wordDeltas } from './answers.ts';

/**
 * A stand-in agent for the streaming figures: POST /invoke with {"prompt": "markdown" | "events"} streams
 * ADK partial events and the final event repeating the whole text. It ignores tokens (the bench needs no
 * sign-in for this). `pace` spreads the stream over time like a model; `burst` writes it as fast as it can.
 * Any other prompt gets a short answer at once (the conversation figure sends one).
 */
export type StreamName = 'markdown' | 'events';
export type Pace = 'paced' | 'burst';

const TICK_MS = 5;
/** Paced: about 1.6 s for the report and 2 s for the events, so a reader that keeps up ends with the stream. */
const PER_TICK: Record<StreamName, number> = { markdown: 8, events: 50 };

function frame(text: string, partial: boolean): string {
  const event = { author: 'bench_agent', invocationId: 'bench', partial, content: { role: 'model', parts: [{ text }] } };
  return `data: ${JSON.stringify(event)}\n\n`;
}

export function streamFrames(name: StreamName): string[] {
  const deltas = name === 'markdown' ? markdownDeltas(markdownReport()) : wordDeltas(20_000);
  return [...deltas.map((delta) => frame(delta, true)), frame(deltas.join(''), false)];
}

export async function startStreamServer(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const frames: Record<StreamName, string[]> = { markdown: streamFrames('markdown'), events: streamFrames('events') };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    if (req.method !== 'POST' || url.pathname !== '/invoke') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const prompt = String((JSON.parse(body || '{}') as { prompt?: unknown }).prompt ?? '');
      const [name, pace] = prompt.split(' ') as [StreamName, Pace];
      const chosen = Object.hasOwn(frames, name) ? frames[name] : undefined;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      if (!chosen) {
        const answer = `Noted: **${prompt.length} characters** received.`;
        res.end(frame(answer, true) + frame(answer, false));
        return;
      }
      if (pace === 'burst') {
        res.end(chosen.join(''));
        return;
      }
      let next = 0;
      const tick = () => {
        if (res.destroyed) return;
        const batch = chosen.slice(next, next + PER_TICK[name]);
        next += batch.length;
        if (next >= chosen.length) res.end(batch.join(''));
        else {
          res.write(batch.join(''));
          setTimeout(tick, TICK_MS);
        }
      };
      tick();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
