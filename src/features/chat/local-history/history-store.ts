import type { Conversation } from '../conversation.ts';

/**
 * Conversations remembered on this device, for runtimes that only answer `/invoke` (an ADK runtime keeps its
 * own): opt-in per user, in IndexedDB, keyed by the user's `sub`. What is kept is what the tab's
 * sessionStorage already holds — the messages, never a token.
 */

export interface RememberedConversation {
  sub: string;
  sessionId: string;
  title: string;
  updatedAt: number;
  conversation: Conversation;
}

export interface HistoryStore {
  enabled(sub: string): Promise<boolean>;
  setEnabled(sub: string, enabled: boolean): Promise<void>;
  /** Whether this user asked for their conversations to be forgotten here when they sign out. */
  forgetOnSignOut(sub: string): Promise<boolean>;
  setForgetOnSignOut(sub: string, forget: boolean): Promise<void>;
  list(sub: string): Promise<RememberedConversation[]>;
  put(entry: RememberedConversation): Promise<void>;
  forget(sub: string, sessionId: string): Promise<void>;
  /** Everything of `sub`: the conversations and the choice to remember them. */
  forgetAll(sub: string): Promise<void>;
}

const DB_NAME = 'agent-console-history';
const CONVERSATIONS = 'conversations';
const SETTINGS = 'settings';
/** Conversations kept per user at most; the oldest go first. */
export const MAX_REMEMBERED = 100;

function request<T>(call: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    call.onsuccess = () => resolve(call.result);
    call.onerror = () => reject(call.error);
  });
}

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore(CONVERSATIONS, { keyPath: ['sub', 'sessionId'] });
      store.createIndex('sub', 'sub');
      open.result.createObjectStore(SETTINGS, { keyPath: 'sub' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => {
      opened = undefined;
      reject(open.error);
    };
  });
  return opened;
}

async function store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await database()).transaction(name, mode).objectStore(name);
}

/** The browser's IndexedDB; refused (private modes, policies) it rejects, and the console says so. */
interface Settings {
  sub: string;
  enabled?: boolean;
  forgetOnSignOut?: boolean;
}

async function settingsOf(sub: string): Promise<Settings> {
  return ((await request((await store(SETTINGS, 'readonly')).get(sub))) as Settings | undefined) ?? { sub };
}

async function changeSettings(sub: string, change: Partial<Settings>) {
  const settings = await settingsOf(sub);
  await request((await store(SETTINGS, 'readwrite')).put({ ...settings, ...change, sub }));
}

export const indexedDbHistory: HistoryStore = {
  async enabled(sub) {
    return (await settingsOf(sub)).enabled === true;
  },
  setEnabled: (sub, enabled) => changeSettings(sub, { enabled }),
  async forgetOnSignOut(sub) {
    return (await settingsOf(sub)).forgetOnSignOut === true;
  },
  setForgetOnSignOut: (sub, forgetOnSignOut) => changeSettings(sub, { forgetOnSignOut }),
  async list(sub) {
    const all = (await request((await store(CONVERSATIONS, 'readonly')).index('sub').getAll(sub))) as RememberedConversation[];
    return all.sort((a, b) => b.updatedAt - a.updatedAt);
  },
  async put(entry) {
    await request((await store(CONVERSATIONS, 'readwrite')).put(entry));
    const kept = await this.list(entry.sub);
    for (const old of kept.slice(MAX_REMEMBERED)) await this.forget(old.sub, old.sessionId);
  },
  async forget(sub, sessionId) {
    await request((await store(CONVERSATIONS, 'readwrite')).delete([sub, sessionId]));
  },
  async forgetAll(sub) {
    for (const entry of await this.list(sub)) await this.forget(sub, entry.sessionId);
    await request((await store(SETTINGS, 'readwrite')).delete(sub));
  },
};

/** The entry a settled conversation is remembered as, or undefined when there is nothing to remember. */
export function entryOf(conversation: Conversation, sub: string, now = Date.now()): RememberedConversation | undefined {
  const first = conversation.messages.find((message) => message.role === 'user');
  if (first?.role !== 'user') return undefined;
  return {
    sub,
    sessionId: conversation.sessionId,
    title: first.text.trim().slice(0, 120),
    updatedAt: now,
    conversation: { ...conversation, owner: sub },
  };
}
