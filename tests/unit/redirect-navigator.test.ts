import { afterEach, describe, expect, it, vi } from 'vitest';
import { RedirectNavigator } from '../../src/features/auth/redirect-navigator.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function pageshow(persisted: boolean) {
  const event = new Event('pageshow') as PageTransitionEvent;
  Object.defineProperty(event, 'persisted', { value: persisted });
  window.dispatchEvent(event);
}

describe('the redirect navigator', () => {
  it('redirects to the pool and settles only when the page is shown again from the back/forward cache', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const handle = await new RedirectNavigator().prepare({});
    let settled = false;
    const navigated = handle.navigate({ url: 'https://pool.example.com/authorize?x=1' }).then((response) => {
      settled = true;
      return response;
    });
    expect(assign).toHaveBeenCalledWith('https://pool.example.com/authorize?x=1');
    pageshow(false); // a first show, not a return
    await Promise.resolve();
    expect(settled).toBe(false);
    pageshow(true);
    expect(await navigated).toEqual({ url: window.location.href });
  });

  it('a failure before navigating rejects the wait without stopping the page’s other loads', async () => {
    const stop = vi.fn(); // happy-dom has no window.stop; the library's navigator calls it here
    Object.defineProperty(window, 'stop', { value: stop, configurable: true });
    const handle = await new RedirectNavigator().prepare({});
    handle.close(); // nothing navigated yet: nothing to reject, nothing stopped
    vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    const navigated = handle.navigate({ url: 'https://pool.example.com/authorize' });
    handle.close();
    await expect(navigated).rejects.toThrow('Redirect aborted');
    expect(stop).not.toHaveBeenCalled();
  });
});
