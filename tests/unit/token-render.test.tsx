import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyBlock } from '../../src/features/debugger/components/copy-block.tsx';
import { DecodedView } from '../../src/features/debugger/components/decoded-view.tsx';
import { TokenPanel } from '../../src/features/token/components/token-panel.tsx';
import { decodeToken } from '../../src/lib/jwt.ts';

const segment = (json: string) => Buffer.from(json).toString('base64url');
/** Claims a hostile or broken token can carry: Object.prototype names and times out of the Date range. */
const HOSTILE_CLAIMS =
  '{"sub":"s","__proto__":{"a":1},"constructor":"c","toString":"t","hasOwnProperty":1,"exp":1e20,"iat":-1e20,"nbf":"NaN"}';
const hostileToken = `${segment('{"alg":"RS256","kid":"k"}')}.${segment(HOSTILE_CLAIMS)}.c2ln`;

function claimCell(table: HTMLElement, name: string) {
  const row = table.querySelector(`tr[data-claim="${name}"]`);
  if (!row) throw new Error(`no row for ${name}`);
  return row.textContent ?? '';
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a token with hostile claims', () => {
  it('renders in the token panel, each bad time said to be "not a valid time"', () => {
    render(<TokenPanel accessToken={hostileToken} idToken={undefined} />);
    const table = screen.getByRole('table', { name: 'Token claims' });
    expect(claimCell(table, '__proto__')).toContain('{"a":1}');
    expect(claimCell(table, 'constructor')).toContain('c');
    for (const name of ['exp', 'iat', 'nbf']) expect(claimCell(table, name)).toContain('not a valid time');
    expect(screen.queryByText(/Expires in|Expired/)).toBeNull();
  });

  it('renders in the debugger with no explanation borrowed from Object.prototype', () => {
    const decoded = decodeToken(hostileToken);
    if (decoded.kind !== 'jwt') throw new Error('not a jwt');
    render(<DecodedView decoded={decoded} now={Date.now()} />);
    const table = screen.getByRole('table', { name: 'Claims' });
    expect(claimCell(table, 'exp')).toContain('not a valid time');
    expect(claimCell(table, 'nbf')).toContain('not a valid time');
    const meaning = (name: string) => table.querySelector(`tr[data-claim="${name}"] td:last-child`)?.textContent;
    expect(meaning('constructor')).toBe('');
    expect(meaning('toString')).toBe('');
    expect(meaning('sub')).toContain('Subject');
  });
});

describe('a clipboard that refuses', () => {
  function refuseClipboard() {
    const writeText = vi.fn(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    return writeText;
  }

  it('makes "Copy token" say "Could not copy"', async () => {
    const writeText = refuseClipboard();
    render(<TokenPanel accessToken={hostileToken} idToken={undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith(hostileToken);
    expect(await screen.findByRole('button', { name: 'Could not copy' })).toBeTruthy();
  });

  it('makes the debugger\'s copy block say "Could not copy", also where there is no clipboard at all', async () => {
    refuseClipboard();
    render(<CopyBlock title="agentkit.yaml" text="launch_types:" />);
    const block = screen.getByRole('region', { name: 'agentkit.yaml' });
    await userEvent.click(within(block).getByRole('button', { name: 'Copy' }));
    expect(await within(block).findByRole('button', { name: 'Could not copy' })).toBeTruthy();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    render(<CopyBlock title="other" text="x" />);
    const other = screen.getByRole('region', { name: 'other' });
    await userEvent.click(within(other).getByRole('button', { name: 'Copy' }));
    expect(await within(other).findByRole('button', { name: 'Could not copy' })).toBeTruthy();
  });
});
