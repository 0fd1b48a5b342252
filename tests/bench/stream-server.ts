import { createServer, type Server, type ServerResponse } from 'node:http';
import { deepArgumentsStream, manyToolCallsStream, nestedQuotes, unclosedEmphasis } from '../../dev/agent/hostile-shapes.ts';
import { markdownDeltas, markdownReport, SENTINEL, wordDeltas } from './answers.ts';

/**
 * A stand-in agent for the streaming figures: POST /invoke with {"prompt": "markdown" | "events"} streams
 * ADK partial events and the final event repeating the whole text. It ignores tokens (the bench needs no
 * sign-in for this). `pace` spreads the stream over time like a model; `burst` writes it as fast as it can.
 * Any other prompt gets a short answer at once (the conversation figure sends one). While the bench sets
 * `sessions`, it also serves ADK's session routes (the ADK session figure opens one).
 */
export type StreamName = 'markdown' | 'events' | HostileName;
/** Answers built to crash or freeze a renderer (dev/agent/hostile-shapes.ts), each ending with the sentinel. */
export type HostileName = 'deep-args' | 'emphasis' | 'tools' | 'quotes';
export const HOSTILE_NAMES: readonly HostileName[] = ['deep-args', 'emphasis', 'tools', 'quotes'];
export type Pace = 'paced' | 'burst';

const TICK_MS = 5;
/** Paced: about 1.6 s for the report and 2 s for the events, so a reader that keeps up ends with the stream. */
const PER_TICK: Record<StreamName, number> = { markdown: 8, events: 50, 'deep-args': 1, emphasis: 1, tools: 500, quotes: 1 };

function frame(text: string, partial: boolean): string {
  const event = { author: 'bench_agent', invocationId: 'bench', partial, content: { role: 'model', parts: [{ text }] } };
  return `data: ${JSON.stringify(event)}\n\n`;
}

function hostileFrames(name: HostileName): string[] {
  const sentinel = frame(`\n\n${SENTINEL}`, false);
  const steps = (steps: Iterable<{ payload: unknown }>) =>
    [...steps].map((step) => `data: ${typeof step.payload === 'string' ? step.payload : JSON.stringify(step.payload)}\n\n`);
  if (name === 'deep-args') return [...steps(deepArgumentsStream(6_000)), sentinel];
  if (name === 'tools') return [...steps(manyToolCallsStream(20_000)), sentinel];
  const text = name === 'emphasis' ? unclosedEmphasis(80_000) : nestedQuotes(20_000);
  return [frame(`${text}\n\n${SENTINEL}`, false)];
}

export function streamFrames(name: StreamName): string[] {
  if (name !== 'markdown' && name !== 'events') return hostileFrames(name);
  const deltas = name === 'markdown' ? markdownDeltas(markdownReport()) : wordDeltas(20_000);
  return [...deltas.map((delta) => frame(delta, true)), frame(deltas.join(''), false)];
}

/** An ADK session as the runtime's REST API returns it (the list strips its events, as ADK's JavaScript server does). */
export interface BenchSession {
  id: string;
  lastUpdateTime: number;
  events: unknown[];
}

export const BENCH_APP = 'bench_agent';

/**
 * ADK's session routes, answered only while `sessions` holds some: with none, `/list-apps` is 404 and the
 * console (signed in for the callback figure) keeps to `/invoke` as for the other figures.
 */
function answerAdk(method: string, url: URL, sessions: Map<string, BenchSession>, res: ServerResponse): boolean {
  if (sessions.size === 0 || method !== 'GET') return false;
  const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (url.pathname === '/list-apps') {
    json([BENCH_APP]);
    return true;
  }
  const match = /^\/apps\/([^/]+)\/users\/([^/]+)\/sessions(?:\/([^/]+))?$/.exec(url.pathname);
  if (!match || match[1] !== BENCH_APP) return false;
  const userId = decodeURIComponent(match[2]);
  if (match[3] === undefined) {
    json(
      [...sessions.values()].map(({ id, lastUpdateTime }) => ({
        id,
        appName: BENCH_APP,
        userId,
        state: {},
        events: undefined,
        lastUpdateTime,
      })),
    );
    return true;
  }
  const session = sessions.get(decodeURIComponent(match[3]));
  if (!session) return false;
  json({ ...session, appName: BENCH_APP, userId, state: {} });
  return true;
}

export async function startStreamServer(
  port: number,
): Promise<{ url: string; sessions: Map<string, BenchSession>; close: () => Promise<void> }> {
  const sessions = new Map<string, BenchSession>();
  const frames = Object.fromEntries(
    (['markdown', 'events', ...HOSTILE_NAMES] as const).map((name) => [name, streamFrames(name)]),
  ) as Record<StreamName, string[]>;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    if (answerAdk(req.method ?? '', url, sessions, res)) return;
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
    sessions,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
