/**
 * One time budget per frame for the markdown of every answer on the page. Each answer (see MarkdownProgress)
 * renders over several frames; were its budget its own, a restored conversation of 100 answers would spend 100
 * budgets in one frame. Here one requestAnimationFrame callback runs the pending work of all of them, answers in
 * view first, then the newest, then the rest, until the frame's budget is spent, and goes on next frame while
 * anything is pending. Work done outside the callback (an answer that renders because its text changed) counts
 * against the same budget.
 */

export interface FrameWork {
  /** Works for about `budgetMs` (one step at least); returns whether work remains. */
  work(budgetMs: number): boolean;
  /** Called after a frame's callback worked on it: shows what it did (a React state update, say). */
  worked(): void;
}

export interface SchedulerOptions {
  /** Rendering work in one frame, all answers together, at most about this long. */
  budgetMs: number;
  now?: () => number;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (frame: number) => void;
  /**
   * Runs the `worked()` calls of a frame's callback, all together: markdown.tsx renders them at once (flushSync),
   * so what a frame rendered is in the DOM before that frame is painted.
   */
  batch?: (worked: () => void) => void;
  /** Marks answers in (or near) view; none when the environment has no IntersectionObserver. */
  IntersectionObserver?: typeof IntersectionObserver;
}

interface Entry {
  /** Mount order: a higher one is a newer answer (lower in the log). */
  order: number;
  pending: boolean;
  visible: boolean;
  /** Its text changed since the last frame (it is streaming): it gets a step every frame, budget or not. */
  live: boolean;
  element?: Element;
}

export class MarkdownScheduler {
  private readonly options: SchedulerOptions;
  private readonly entries = new Map<FrameWork, Entry>();
  private readonly byElement = new Map<Element, FrameWork>();
  private observer: IntersectionObserver | undefined;
  private orders = 0;
  private frame: number | undefined;
  /** Time worked since the last frame's callback ended (outside it: renders). */
  private spent = 0;
  /** When the last frame's callback ended (or, with none for long, when `spent` started over). */
  private frameEnded = -Infinity;

  constructor(options: SchedulerOptions) {
    this.options = options;
  }

  private now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }

  private entry(work: FrameWork): Entry {
    let entry = this.entries.get(work);
    if (!entry) {
      entry = { order: this.orders++, pending: false, visible: false, live: false };
      this.entries.set(work, entry);
    }
    return entry;
  }

  /** Work remains for `work`: the next frames do their share until it returns false. */
  schedule(work: FrameWork): void {
    this.entry(work).pending = true;
    this.requestFrame();
  }

  /** `work`'s text changed: it keeps progressing each frame while pending. */
  touch(work: FrameWork): void {
    this.entry(work).live = true;
  }

  /**
   * Works on `work` now (as it renders with a new text) for what is left of this frame's budget; nothing when
   * that is spent. Returns whether it did any work.
   */
  workNow(work: FrameWork): boolean {
    const now = this.now();
    if (now - this.frameEnded >= FRAME_OVERDUE_MS) {
      // No frame for long (a hidden tab gets none): the budget starts over, so a streaming answer progresses.
      this.spent = 0;
      this.frameEnded = now;
    }
    const left = this.options.budgetMs - this.spent;
    if (left <= 0) return false;
    const started = this.now();
    const more = work.work(left);
    this.spent += this.now() - started;
    // The frame callback starts a new budget; it also takes over what is left.
    if (more) this.schedule(work);
    else this.requestFrame();
    return true;
  }

  /** Whether `work` is in (or near) view: such answers render first. */
  setVisible(work: FrameWork, visible: boolean): void {
    const entry = this.entries.get(work);
    if (entry) entry.visible = visible;
  }

  /** Follows whether `element` (the answer's container) is in view. */
  observe(work: FrameWork, element: Element): void {
    const entry = this.entry(work);
    if (entry.element === element) return;
    this.unobserve(entry);
    const Observer = this.options.IntersectionObserver;
    if (!Observer) return;
    this.observer ??= new Observer(
      (records) => {
        for (const record of records) {
          const owner = this.byElement.get(record.target);
          if (owner) this.setVisible(owner, record.isIntersecting);
        }
      },
      { rootMargin: '50% 0px' },
    );
    entry.element = element;
    this.byElement.set(element, work);
    this.observer.observe(element);
  }

  /** An answer gone (unmounted): no more work for it. */
  drop(work: FrameWork): void {
    const entry = this.entries.get(work);
    if (!entry) return;
    this.unobserve(entry);
    this.entries.delete(work);
  }

  private unobserve(entry: Entry) {
    if (!entry.element) return;
    this.observer?.unobserve(entry.element);
    this.byElement.delete(entry.element);
    entry.element = undefined;
  }

  /** Whether any work waits for a frame. */
  get pending(): boolean {
    for (const entry of this.entries.values()) if (entry.pending) return true;
    return false;
  }

  private requestFrame() {
    if (this.frame !== undefined) return;
    const request = this.options.requestFrame ?? ((callback: () => void) => requestAnimationFrame(callback));
    this.frame = request(() => this.runFrame());
  }

  /** The frame's callback: pending work in order of priority, within what is left of the budget. */
  private runFrame() {
    this.frame = undefined;
    let left = this.options.budgetMs - this.spent;
    const worked: FrameWork[] = [];
    const queue = [...this.entries].filter(([, entry]) => entry.pending).sort(([, a], [, b]) => rank(a) - rank(b) || b.order - a.order);
    for (const [work, entry] of queue) {
      // An answer unmounted by another one's update meanwhile is no longer there.
      if (this.entries.get(work) !== entry) continue;
      if (left <= 0 && !entry.live) continue;
      const started = this.now();
      entry.pending = work.work(Math.max(0, left));
      entry.live = false;
      left -= this.now() - started;
      worked.push(work);
    }
    this.spent = 0;
    this.frameEnded = this.now();
    if (worked.length > 0) {
      const show = () => {
        for (const work of worked) if (this.entries.has(work)) work.worked();
      };
      if (this.options.batch) this.options.batch(show);
      else show();
    }
    if (this.pending) this.requestFrame();
  }

  /** Stops (tests). */
  dispose(): void {
    if (this.frame !== undefined) (this.options.cancelFrame ?? cancelAnimationFrame)(this.frame);
    this.frame = undefined;
    this.observer?.disconnect();
    this.entries.clear();
    this.byElement.clear();
  }
}

/** A frame's budget starts over when no frame came for this long. */
const FRAME_OVERDUE_MS = 100;

/** Streaming answers first, then those in view, then the rest. */
function rank(entry: Entry): number {
  return entry.live ? 0 : entry.visible ? 1 : 2;
}

/** Markdown work in one frame, for all answers on the page together. */
export const FRAME_BUDGET_MS = 8;

let shared: MarkdownScheduler | undefined;

/** The page's scheduler (`batch`: see SchedulerOptions; the first call's counts). */
export function markdownScheduler(batch?: (worked: () => void) => void): MarkdownScheduler {
  shared ??= new MarkdownScheduler({
    budgetMs: FRAME_BUDGET_MS,
    batch,
    IntersectionObserver: typeof IntersectionObserver === 'function' ? IntersectionObserver : undefined,
  });
  return shared;
}
