import type { INavigator, IWindow, NavigateParams, NavigateResponse, RedirectParams } from 'oidc-client-ts';

/**
 * oidc-client-ts's redirect navigator, without its `window.stop()` when a sign-in fails before it navigates
 * (the pool unreachable, a Content-Security-Policy block): that call aborted every load still in flight on the
 * page, so lazy parts (the call log, the markdown renderer) failed as if a new version had been deployed.
 * Nothing can fail after the redirect starts, so there is no navigation to stop. The console redirects its own
 * window only (no `redirectTarget: 'top'`): it is never framed.
 */
export class RedirectNavigator implements INavigator {
  async prepare({ redirectMethod = 'assign' }: RedirectParams = {}): Promise<IWindow> {
    let abort: ((reason: Error) => void) | undefined;
    let shownAgain: ((event: PageTransitionEvent) => void) | undefined;
    const stopWaiting = () => {
      if (shownAgain) window.removeEventListener('pageshow', shownAgain);
    };
    return {
      navigate: (params: NavigateParams) =>
        new Promise<NavigateResponse>((resolve, reject) => {
          abort = reject;
          // Back from the pool through the back/forward cache: the page is shown again, the redirect is over.
          shownAgain = (event) => {
            if (!event.persisted) return;
            stopWaiting();
            resolve({ url: window.location.href });
          };
          window.addEventListener('pageshow', shownAgain);
          window.location[redirectMethod](params.url);
        }),
      close: () => {
        stopWaiting();
        abort?.(new Error('Redirect aborted'));
      },
    };
  }

  async callback(): Promise<void> {}
}
