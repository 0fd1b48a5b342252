import type { User, UserManager } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthController } from '../../src/features/auth/auth-controller.ts';

// Each controller stands for one tab of the same browser: localStorage is shared between tabs, sessionStorage is not
// (the tests clear it where a new tab would start with its own).

const tokens = (name: string) =>
  ({
    access_token: `${name}-access`,
    refresh_token: `${name}-refresh`,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    profile: { sub: 'alice' },
    state: { returnTo: '/' },
  }) as unknown as User;

/** A tab's UserManager: the pool's answers are what the test says; getUser returns what it last handed out. */
function fakeManager(answers: { silent?: () => Promise<User | null>; callback?: () => Promise<User> } = {}) {
  let held: User | null = null;
  const keep = async (user: User | null) => {
    held = user;
    return user;
  };
  return {
    signinSilent: vi.fn(async () => keep(await (answers.silent ?? (async () => tokens('restored')))())),
    signinRedirectCallback: vi.fn(async () => (await keep(await (answers.callback ?? (async () => tokens('signed-in')))())) as User),
    signinRedirect: vi.fn(async () => {}),
    signoutRedirect: vi.fn(async () => {}),
    getUser: vi.fn(async () => held),
    removeUser: vi.fn(async () => {
      held = null;
    }),
    revokeTokens: vi.fn(async () => {}),
    metadataService: {
      getMetadata: vi.fn(async () => ({ issuer: 'https://pool', revocation_endpoint: 'https://pool/revoke' })),
    },
  };
}

function tab(manager: ReturnType<typeof fakeManager>, path = '/') {
  window.history.replaceState(null, '', path);
  return new AuthController({
    manager: manager as unknown as UserManager,
    issuer: 'https://pool',
    callbackPath: '/callback',
    siteUrl: 'http://localhost:3000/',
  });
}

/** A tab signed in by the sign-in callback, then signed out by its user. */
async function signOutInAnotherTab() {
  const other = tab(fakeManager(), '/callback?code=c&state=s');
  await other.start();
  expect(other.getState().status).toBe('signed-in');
  later();
  await other.signOut();
  later();
  sessionStorage.clear(); // the tabs below have sessionStorage of their own
}

/** A moment passes: what happens next happens strictly later than what came before. */
const later = () => vi.setSystemTime(Date.now() + 1_000);

const detachers: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  for (const detach of detachers.splice(0)) detach();
  window.history.replaceState(null, '', '/');
  sessionStorage.clear();
  localStorage.clear();
});

describe('sign-out reaches tabs that missed the broadcast', () => {
  it('a tab opened after a sign-out elsewhere does not sign back in silently; a deliberate "Sign in" lifts that for later tabs', async () => {
    await signOutInAnotherTab();
    expect(JSON.stringify(localStorage)).not.toMatch(/access|refresh|token/);

    const opened = fakeManager();
    const openedTab = tab(opened);
    await openedTab.start();
    expect(openedTab.getState().status).toBe('signed-out');
    expect(opened.signinSilent).not.toHaveBeenCalled();

    const signingIn = tab(fakeManager(), '/callback?code=c&state=s');
    await signingIn.start();
    expect(signingIn.getState().status).toBe('signed-in');
    sessionStorage.clear();

    const later = fakeManager();
    const laterTab = tab(later);
    await laterTab.start();
    expect(later.signinSilent).toHaveBeenCalledTimes(1);
    expect(laterTab.getState().status).toBe('signed-in');
  });

  it('a restore that completes after a sign-out in a tab it never heard from is discarded, and what it got is revoked', async () => {
    let answer: (user: User) => void = () => {};
    const loading = fakeManager({ silent: () => new Promise<User>((resolve) => (answer = resolve)) });
    const loadingTab = tab(loading);
    const started = loadingTab.start();
    await vi.waitFor(() => expect(loading.signinSilent).toHaveBeenCalled());

    await signOutInAnotherTab();
    answer(tokens('late'));
    await started;
    expect(loadingTab.getState().status).toBe('signed-out');
    expect(loadingTab.accessToken()).toBeUndefined();
    expect(loading.revokeTokens).toHaveBeenCalledWith(['refresh_token', 'access_token']);
    expect(loading.removeUser).toHaveBeenCalled();
  });

  it('a sign-in callback finished before the tab listened learns of a sign-out made meanwhile when it starts listening', async () => {
    const early = fakeManager();
    const earlyTab = tab(early, '/callback?code=c&state=s');
    await earlyTab.start();
    expect(earlyTab.getState().status).toBe('signed-in');

    await signOutInAnotherTab();
    detachers.push(earlyTab.attach());
    await vi.waitFor(() => expect(early.revokeTokens).toHaveBeenCalledWith(['refresh_token', 'access_token']));
    expect(earlyTab.getState().status).toBe('signed-out');
    expect(earlyTab.accessToken()).toBeUndefined();
  });
});

describe('a tab that receives the sign-out', () => {
  it('revokes the tokens it held, not only drops them', async () => {
    const receiving = fakeManager();
    const receivingTab = tab(receiving, '/callback?code=c&state=s');
    await receivingTab.start();
    detachers.push(receivingTab.attach());
    expect(receivingTab.getState().status).toBe('signed-in');

    const otherTab = new BroadcastChannel('agent-console.auth');
    otherTab.postMessage('signed-out');
    otherTab.close();
    await vi.waitFor(() => expect(receiving.revokeTokens).toHaveBeenCalledWith(['refresh_token', 'access_token']));
    expect(receivingTab.getState().status).toBe('signed-out');
    expect(receiving.removeUser).toHaveBeenCalled();
  });
});
