import { AgentCallError } from './api/agent-failure.ts';
import type { ChatContext } from './chat-controller.ts';
import type { AgentChunk } from './stream/agent-chunks.ts';
import type { LoadedConversation } from './stream/session-messages.ts';

/**
 * The one way a message reaches the agent, chosen by what the endpoint is (probeRuntime): AgentKit's `/invoke`
 * (the conversation lives in the tab), or an ADK runtime's `/run_sse` with its sessions (the conversations
 * live there: they can be listed, read back and deleted).
 */
export interface AgentTransport {
  kind: 'invoke' | 'adk';
  /** `known`: sessions that exist on the runtime (a message to any other creates it first; the id is added). */
  send(message: { prompt: string; sessionId: string; signal: AbortSignal; known: Set<string> }): AsyncIterable<AgentChunk>;
  load?(sessionId: string): Promise<LoadedConversation>;
  remove?(sessionId: string): Promise<void>;
}

// The HTTP and SSE code loads with the first message (or when the browser is idle), not with the first page.
const agentClient = () => import('./api/agent-client.ts');
const adkClient = () => import('./api/adk-client.ts');

export async function invokeTransport(context: ChatContext): Promise<AgentTransport> {
  const { invokeAgent } = await agentClient();
  return {
    kind: 'invoke',
    send: ({ prompt, sessionId, signal }) =>
      invokeAgent({ endpoint: context.endpoint, prompt, sessionId, auth: context.auth, log: context.log, signal }),
  };
}

async function adkTransport(context: ChatContext, runtime: { app: string }): Promise<AgentTransport> {
  const adk = await adkClient();
  const { endpoint, auth, log } = context;
  return {
    kind: 'adk',
    async *send({ prompt, sessionId, signal, known }) {
      if (!known.has(sessionId)) {
        try {
          await adk.createSession(endpoint, runtime, auth, sessionId, signal);
        } catch (error) {
          if (signal.aborted) throw error;
          const detail = error instanceof Error ? error.message : String(error);
          throw new AgentCallError({ kind: 'stream', message: 'conversations.createFailed', params: { detail } });
        }
        known.add(sessionId);
      }
      yield* adk.runSse({ endpoint, prompt, sessionId, auth, log, signal, runtime });
    },
    async load(sessionId) {
      const session = await adk.getSession(endpoint, runtime, auth, sessionId);
      const { conversationFromEvents } = await import('./stream/session-messages.ts');
      return conversationFromEvents(sessionId, session.events, auth.subject());
    },
    remove: (sessionId) => adk.deleteSession(endpoint, runtime, auth, sessionId),
  };
}

/** The transport for the context as it is now: ADK's when the endpoint is an ADK runtime and a user is signed in. */
export function transportFor(context: ChatContext): Promise<AgentTransport> {
  const { runtime } = context;
  if (runtime?.kind === 'adk' && context.auth.subject()) return adkTransport(context, runtime);
  return invokeTransport(context);
}
