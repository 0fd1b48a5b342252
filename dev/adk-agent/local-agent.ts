import { FunctionTool, InMemorySessionService, LlmAgent, Runner } from '@google/adk';
import { z } from 'zod';
import { getWeather } from '../agent/weather.ts';
import type { LocalDocuments } from './documents-tool.ts';
import { callerInstruction, ScriptedModel } from './scripted-model.ts';

/** The ADK app name: AgentKit serves one app, named after its root agent. */
export const APP_NAME = 'local_agent';

const weatherTool = new FunctionTool({
  name: 'get_weather',
  description: 'The current weather in a city (beijing, shanghai, hangzhou, shenzhen, london).',
  parameters: z.object({ city: z.string().describe('The city’s name') }),
  execute: (input) => getWeather(input.city),
});

export interface LocalAgentOptions {
  documents: LocalDocuments;
  /** The caller's display name from the pool's userinfo, when known. */
  nameOf(sub: string): string | undefined;
  /** Pause between streamed deltas, so a browser shows the answer growing (default none). */
  stepDelayMs?: number;
}

/** The app: one `LlmAgent` on the scripted model with two tools, its runner and its in-memory sessions (per process). */
export function createLocalAgent(options: LocalAgentOptions) {
  const agent = new LlmAgent({
    name: APP_NAME,
    description: 'The local stand-in for an AgentKit agent: a scripted model on the real ADK runtime.',
    model: new ScriptedModel({ stepDelayMs: options.stepDelayMs }),
    // The session's user is the verified sub (the runtime binds it), so the model learns who it talks to from here.
    instruction: (context) =>
      [
        'You are the local agent of Agent Console. Answer in markdown.',
        callerInstruction({ sub: context.userId, name: options.nameOf(context.userId) }),
      ].join('\n'),
    tools: [weatherTool, options.documents.tool],
  });
  const sessionService = new InMemorySessionService();
  const runner = new Runner({ appName: APP_NAME, agent, sessionService });
  return { agent, runner, sessionService };
}
