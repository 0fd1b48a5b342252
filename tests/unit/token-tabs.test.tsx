import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TokenPanel } from '../../src/features/token/components/token-panel.tsx';

const segment = (json: string) => Buffer.from(json).toString('base64url');
const token = (sub: string) => `${segment('{"alg":"RS256"}')}.${segment(`{"sub":"${sub}"}`)}.c2ln`;

describe('the token tabs, from the keyboard', () => {
  it('are one tab stop; arrow keys, Home and End move between the access and the ID token', async () => {
    const user = userEvent.setup();
    render(<TokenPanel accessToken={token('access-sub')} idToken={token('id-sub')} />);
    const access = screen.getByRole('tab', { name: 'Access token' });
    const id = screen.getByRole('tab', { name: 'ID token' });
    expect([access.tabIndex, id.tabIndex]).toEqual([0, -1]);

    access.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(id);
    expect(id.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('id-sub');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(access);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(id);
    await user.keyboard('{Home}');
    expect(access.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('access-sub');
  });
});
