import { useCallback, useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { whenIdle } from '../../lib/when-idle.ts';
import { type ChatContext, ChatController } from './chat-controller.ts';
import type { Conversation } from './conversation.ts';

/**
 * The chat controller (chat-controller.ts) bound to React: one per provider, told the app's context as it
 * renders, read with useSyncExternalStore.
 */
export function useChat(
  options: ChatContext & {
    /**
     * Another user signed in: their predecessor's conversation is gone, and so must the draft be. Called while
     * rendering: it may only update the state of the component that uses this hook.
     */
    onOwnerChanged?: () => void;
  },
) {
  const [controller] = useState(() => new ChatController(options));
  // Before the state is read: another user's conversation is replaced in this very render.
  if (controller.update(options)) options.onOwnerChanged?.();
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  useLayoutEffect(() => controller.afterRender());
  useEffect(() => controller.start(), [controller]);
  // Fetched once the first screen is up, so the first message does not wait for it.
  useEffect(() => whenIdle(() => void import('./api/agent-client.ts').catch(() => undefined)), []);

  const send = useCallback((prompt: string) => controller.send(prompt), [controller]);
  const stop = useCallback(() => controller.stop(), [controller]);
  const reset = useCallback(() => controller.reset(), [controller]);
  const open = useCallback((id: string) => controller.open(id), [controller]);
  const remove = useCallback((id: string) => controller.remove(id), [controller]);
  const isOnRuntime = useCallback((id: string) => controller.onRuntime(id), [controller]);
  const show = useCallback((conversation: Conversation) => controller.show(conversation), [controller]);
  return { conversation: state.conversation, sending: state.sending, send, stop, reset, open, remove, isOnRuntime, show };
}
