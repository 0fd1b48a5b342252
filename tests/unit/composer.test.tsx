import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from '../../src/features/chat/components/composer.tsx';

function setup(props: Partial<Parameters<typeof Composer>[0]> = {}) {
  const onSend = vi.fn();
  const onDraftChange = vi.fn();
  const onStop = vi.fn();
  render(<Composer draft="hello" onDraftChange={onDraftChange} onSend={onSend} onStop={onStop} sending={false} agentName="A" {...props} />);
  return { onSend, onDraftChange, onStop, box: screen.getByRole('textbox', { name: 'Message' }) };
}

describe('Composer', () => {
  it('sends on Enter', async () => {
    const { onSend, box } = setup();
    box.focus();
    await userEvent.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('adds a line on Shift+Enter instead of sending', async () => {
    const { onSend, onDraftChange, box } = setup();
    box.focus();
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(onSend).not.toHaveBeenCalled();
    expect(onDraftChange).toHaveBeenCalledWith('hello\n');
  });

  it('never sends on the Enter that confirms an IME composition', () => {
    const { onSend, box } = setup();
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('offers Stop instead of Send while an answer streams', async () => {
    const { onStop, onSend, box } = setup({ sending: true });
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('holds sending while rate-limited, saying for how long', () => {
    setup({ blockedNote: 'You can send again in 12 s.' });
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('You can send again in 12 s.')).toBeTruthy();
  });
});
