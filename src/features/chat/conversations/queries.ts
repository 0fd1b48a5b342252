import { queryOptions } from '@tanstack/react-query';
import type { AgentAuth } from '../api/agent-client.ts';

/** Query keys of the chat's remote reads, in one place; each names the user, so no user reads another's cache. */
export const chatKeys = {
  runtime: (endpoint: string, sub: string | undefined) => ['chat', 'runtime', endpoint, sub] as const,
  sessions: (endpoint: string, sub: string | undefined) => ['chat', 'sessions', endpoint, sub] as const,
  title: (endpoint: string, sub: string | undefined, id: string, updatedAt: number) =>
    ['chat', 'title', endpoint, sub, id, updatedAt] as const,
  /** Whether this user chose to remember conversations on this device, and those remembered. */
  remember: (sub: string | undefined) => ['chat', 'remember', sub] as const,
  remembered: (sub: string | undefined) => ['chat', 'remembered', sub] as const,
  /** Everything of the chat's remote reads: dropped at sign-out. */
  all: ['chat'] as const,
};

const adk = () => import('../api/adk-client.ts');

/** What the endpoint is: asked once per user (with their token), since only a signed-in call gets an answer. */
export function runtimeQuery(endpoint: string, auth: AgentAuth, sub: string | undefined) {
  return queryOptions({
    queryKey: chatKeys.runtime(endpoint, sub),
    queryFn: async ({ signal }) => (await adk()).probeRuntime(endpoint, auth, signal),
    enabled: !!sub,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
