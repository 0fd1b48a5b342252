import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSecondsUntil } from '../../src/lib/use-now.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('useSecondsUntil (the Retry-After countdown)', () => {
  it('counts down to zero and then stops ticking', () => {
    vi.useFakeTimers();
    const until = Date.now() + 3000;
    const { result } = renderHook(() => useSecondsUntil(until));
    expect(result.current).toBe(3);
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(2000));
    expect(result.current).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not tick at all without a moment to wait for', () => {
    vi.useFakeTimers();
    const { result } = renderHook(() => useSecondsUntil(undefined));
    expect(result.current).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
