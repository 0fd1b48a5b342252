import { describe, expect, it } from 'vitest';
import { type FrameWork, MarkdownScheduler } from '../../src/features/chat/markdown/markdown-scheduler.ts';

const BUDGET_MS = 6;

/**
 * A fake clock and fake frames; each answer has `steps` steps of work left, a step taking 1 ms of the clock, and
 * does steps until its budget is spent (one at least), as MarkdownProgress does.
 */
function setUp() {
  let clock = 0;
  let frames: Array<() => void> = [];
  /** Which answer did each step, in order, frame by frame. */
  const log: string[][] = [];
  let observed: ((records: Array<{ target: Element; isIntersecting: boolean }>) => void) | undefined;
  class FakeObserver {
    constructor(callback: typeof observed) {
      observed = callback;
    }
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  const scheduler = new MarkdownScheduler({
    budgetMs: BUDGET_MS,
    now: () => clock,
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => undefined,
    IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver,
  });
  const shown: string[] = [];
  const answer = (name: string, steps: number) => {
    const state = { name, left: steps, work: undefined as unknown as FrameWork };
    state.work = {
      work: (budgetMs) => {
        const deadline = clock + budgetMs;
        do {
          state.left--;
          clock++;
          log.at(-1)?.push(name);
        } while (state.left > 0 && clock < deadline);
        return state.left > 0;
      },
      worked: () => shown.push(name),
    };
    return state;
  };
  return {
    scheduler,
    answer,
    log,
    shown,
    /** Runs the frame requested; the time it took. */
    frame: () => {
      const now = frames;
      frames = [];
      log.push([]);
      const started = clock;
      for (const callback of now) callback();
      return clock - started;
    },
    requested: () => frames.length,
    elapse: (ms: number) => {
      clock += ms;
    },
    intersect: (target: Element, isIntersecting: boolean) => observed?.([{ target, isIntersecting }]),
  };
}

describe('MarkdownScheduler', () => {
  it('gives all pending answers together one budget a frame, newest first, and asks for one frame', () => {
    const { scheduler, answer, frame, log, requested } = setUp();
    const answers = Array.from({ length: 20 }, (_, index) => answer(`a${index}`, 10));
    for (const { work } of answers) scheduler.schedule(work);
    expect(requested()).toBe(1);
    expect(frame()).toBe(BUDGET_MS);
    expect(log[0]).toEqual(Array(BUDGET_MS).fill('a19'));
    expect(requested()).toBe(1);
    expect(frame()).toBe(BUDGET_MS);
    expect(log[1]).toEqual([...Array(4).fill('a19'), 'a18', 'a18']);
  });

  it('renders the answers in view first, then the newest, then the rest', () => {
    const { scheduler, answer, frame, log, intersect } = setUp();
    const [old, middle, newest] = [answer('old', 3), answer('middle', 3), answer('newest', 3)];
    const elements = [old, middle, newest].map(() => document.createElement('div'));
    [old, middle, newest].forEach(({ work }, index) => {
      scheduler.observe(work, elements[index]);
      scheduler.schedule(work);
    });
    intersect(elements[0], true);
    frame();
    expect(log[0]).toEqual(['old', 'old', 'old', 'newest', 'newest', 'newest']);
    intersect(elements[0], false);
    scheduler.setVisible(middle.work, true);
    frame();
    expect(log[1]).toEqual(['middle', 'middle', 'middle']);
  });

  it('goes on frame after frame until every answer is done, then asks for no more frames', () => {
    const { scheduler, answer, frame, requested, shown } = setUp();
    const answers = [answer('a', 25), answer('b', 7), answer('c', 1)];
    for (const { work } of answers) scheduler.schedule(work);
    let frames = 0;
    while (requested() > 0 && frames < 100) {
      expect(frame()).toBeLessThanOrEqual(BUDGET_MS);
      frames++;
    }
    expect(frames).toBe(Math.ceil(33 / BUDGET_MS));
    expect(answers.map(({ left }) => left)).toEqual([0, 0, 0]);
    expect(scheduler.pending).toBe(false);
    // Each frame's work is shown after it, once per answer worked on.
    expect(shown.filter((name) => name === 'c')).toEqual(['c']);
  });

  it('drops an answer unmounted: no more work, nothing shown for it', () => {
    const { scheduler, answer, frame, requested, shown } = setUp();
    const [kept, gone] = [answer('kept', 2), answer('gone', 20)];
    scheduler.schedule(kept.work);
    scheduler.schedule(gone.work);
    frame();
    scheduler.drop(gone.work);
    const left = gone.left;
    while (requested() > 0) frame();
    expect(gone.left).toBe(left);
    expect(kept.left).toBe(0);
    expect(shown.filter((name) => name === 'gone')).toHaveLength(1);
  });

  it('counts work done while rendering against the frame, except a streaming answer gets a step each frame', () => {
    const { scheduler, answer, frame, log } = setUp();
    const [restored, streaming] = [answer('restored', 20), answer('streaming', 20)];
    scheduler.schedule(restored.work);
    scheduler.setVisible(restored.work, true);
    // A delta renders now with the frame's budget, and spends it.
    scheduler.touch(streaming.work);
    expect(scheduler.workNow(streaming.work)).toBe(true);
    expect(streaming.left).toBe(20 - BUDGET_MS);
    expect(scheduler.workNow(restored.work)).toBe(false);
    frame();
    expect(log[0]).toEqual(['streaming']);
    // A new frame, a new budget: the answer in view first.
    frame();
    expect(log[1]).toEqual(Array(BUDGET_MS).fill('restored'));
  });

  it('starts the budget over when no frame comes for long (a hidden tab), so a streaming answer goes on', () => {
    const { scheduler, answer, frame, elapse } = setUp();
    const streaming = answer('streaming', 20);
    frame();
    expect(scheduler.workNow(streaming.work)).toBe(true);
    expect(scheduler.workNow(streaming.work)).toBe(false);
    elapse(50);
    expect(scheduler.workNow(streaming.work)).toBe(false);
    elapse(100);
    expect(scheduler.workNow(streaming.work)).toBe(true);
    expect(streaming.left).toBe(20 - 2 * BUDGET_MS);
  });
});
