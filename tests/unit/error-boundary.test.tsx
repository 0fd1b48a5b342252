import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/components/error-boundary.tsx';

let broken = true;
function TokenPanel() {
  if (broken) throw new Error('claim "__proto__" cannot be shown');
  return <p>Token claims</p>;
}

function Hostile(): never {
  throw Object.create(null);
}

function Page({ resetKey }: { resetKey?: string }) {
  return (
    <>
      <header>Signed in as alice</header>
      <ErrorBoundary part="token" resetKey={resetKey}>
        <TokenPanel />
      </ErrorBoundary>
      <p>Call log</p>
    </>
  );
}

beforeEach(() => {
  broken = true;
  vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports each caught error
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('replaces only the failing part with a message naming it, and keeps the rest of the page', () => {
    render(<Page />);
    expect(screen.getByRole('alert').textContent).toContain('The token panel failed: claim "__proto__" cannot be shown');
    expect(screen.getByText('Signed in as alice')).toBeTruthy();
    expect(screen.getByText('Call log')).toBeTruthy();
  });

  it('"Try again" renders the part afresh', async () => {
    render(<Page />);
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Token claims')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears the failure when its reset key changes (the user navigated elsewhere)', () => {
    const { rerender } = render(<Page resetKey="/debugger" />);
    expect(screen.getByRole('alert')).toBeTruthy();
    broken = false;
    rerender(<Page resetKey="/" />);
    expect(screen.getByText('Token claims')).toBeTruthy();
  });

  it('offers "Reload", which reloads the page', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    render(<Page />);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('says a new version was deployed when a lazy chunk is gone from the server, and offers only a reload', async () => {
    const Debugger = lazy(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://console.example/assets/debugger-page-1a2b.js')),
    );
    await act(async () => {
      render(
        <ErrorBoundary part="debugger">
          <Suspense fallback="Loading the debugger…">
            <Debugger />
          </Suspense>
        </ErrorBoundary>,
      );
    });
    expect(screen.getByRole('alert').textContent).toContain(
      'The debugger could not be loaded: a new version of the console was deployed. Reload to get it.',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('names a failure even when the thrown value cannot be turned into text', () => {
    render(
      <ErrorBoundary part="chat">
        <Hostile />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The chat failed: unknown error');
  });
});
