import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthorizationCard } from '../../src/features/chat/components/authorization-card.tsx';
import type { AnswerStatus } from '../../src/features/chat/conversation.ts';
import type { CredentialRequest } from '../../src/features/chat/outbound/credential-request.ts';

const request = (authUri?: string): CredentialRequest => ({
  id: 'adk-1',
  toolCallId: 'call-1',
  authUri,
  provider: 'documents',
  scopes: ['documents.read'],
});
const show = (authUri: string | undefined, status: AnswerStatus = 'streaming', authorized = false) =>
  render(<AuthorizationCard request={request(authUri)} authorized={authorized} status={status} />);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('AuthorizationCard', () => {
  it('names the host, provider and scopes before the click, and opens the page in a popup cut off from the console', async () => {
    const popup = { opener: window } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(popup);
    show('https://consent.example.com/ask?x=1');
    expect(screen.getByRole('region', { name: 'Authorization request from consent.example.com' })).toBeTruthy();
    expect(screen.getByText(/Provider: documents/)).toBeTruthy();
    expect(screen.getByText(/documents\.read/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Waiting for authorization…');
    await userEvent.click(screen.getByRole('button', { name: 'Authorize' }));
    expect(open).toHaveBeenCalledWith('https://consent.example.com/ask?x=1', '_blank', expect.stringContaining('popup'));
    expect(popup.opener).toBeNull();
  });

  it('falls back to a new-tab link when the popup is blocked, and says so', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    show('https://consent.example.com/ask');
    await userEvent.click(screen.getByRole('button', { name: 'Authorize' }));
    const link = screen.getByRole('link', { name: 'Authorize' });
    expect(link.getAttribute('href')).toBe('https://consent.example.com/ask');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(document.activeElement).toBe(link);
    expect(screen.getByText(/blocked the popup/)).toBeTruthy();
  });

  it.each([
    [undefined, /no address/],
    ['javascript:alert(1)', /uses javascript:/],
    ['http://consent.example.com/', /plain http on consent\.example\.com/],
    ['::not a url', /not a valid absolute URL/],
  ])('refuses %j with a clear error instead of a button', (authUri, message) => {
    show(authUri);
    expect(screen.queryByRole('button', { name: 'Authorize' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Authorize' })).toBeNull();
    expect(screen.getByText(message)).toBeTruthy();
  });

  it.each([
    ['streaming', true, 'Authorized'],
    ['done', true, 'Authorized'],
    ['done', false, 'Not authorized: the answer ended before'],
    ['error', false, 'Not authorized: the answer failed or timed out'],
    ['stopped', false, 'Not authorized: stopped'],
  ] as const)('with the answer %s (authorized: %s) says %j', (status, authorized, text) => {
    show('https://consent.example.com/', status, authorized);
    expect(screen.getByRole('status').textContent).toContain(text);
    expect(screen.queryByRole('button', { name: 'Authorize' }) !== null).toBe(!authorized && status === 'done');
  });
});
