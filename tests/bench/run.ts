/**
 * `npm run bench`: each figure of issue 9 beside a baseline measured in the same run, with the ratio.
 * Timings are printed, never asserted. Runs in about four minutes on 2 cores.
 * - the first page's JS + CSS, gzipped, vs a floor app of the four mandated libraries built here; then every
 *   chunk the first screen fetched until the message box is usable, vs the same floor;
 * - a 300 KB markdown answer and 20,000 ADK partial events in the console vs a bare `fetch` reader of the same
 *   stream in the same page: time to the last text, longest task, blocked time, a key typed meanwhile;
 * - consent posted → "Signed in as alice", with its phases, vs a bare page that only exchanges the code;
 * - a restored 200-message conversation: time to show it and to send the next message, vs an empty one;
 * - answers built to crash or freeze a renderer (issue 15): the longest task of each, beside the 300 KB answer's;
 * - an ADK session of the same 200 messages opened from "Conversations", vs a one-question session.
 */
import { ensureChromium, launchChromium } from '../support/chromium.ts';
import { type SessionOpenTiming, sessionOpenFigure } from './adk-session-bench.ts';
import { startBenchStack } from './bench-stack.ts';
import { buildFloorApp, firstPageKb, firstScreenKb } from './bundle-bench.ts';
import { bareCallback, type CallbackTiming, consoleCallback } from './callback-bench.ts';
import { type ConversationTiming, conversationFigure, longConversation } from './conversation-bench.ts';
import { median, row } from './report.ts';
import { type StreamTiming, streamFigure } from './stream-bench.ts';
import { HOSTILE_NAMES, type StreamName } from './stream-server.ts';

const CALLBACK_RUNS = 7;
/** Each stream figure in this many fresh pages: a loaded 2-core machine varies a lot from one run to the next. */
const STREAM_RUNS = 3;
/** The conversation figure: each run loads the console twice (empty, 200 messages), each in a fresh context. */
const CONVERSATION_RUNS = 3;
const started = Date.now();
/** The ADK session figure: each run signs in once and opens each session in a new tab. */
const SESSION_RUNS = 3;
/** `npm run bench -- callback` (or bundle, markdown, events, hostile, conversation, session) runs only those figures. */
const only = new Set(process.argv.slice(2));
const wanted = (figure: string) => only.size === 0 || only.has(figure);

function phaseTable(runs: CallbackTiming[]) {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run.phases)))];
  return names
    .map((name) => {
      const present = runs.filter((run) => run.phases[name]);
      return {
        phase: name,
        'start (ms)': Math.round(median(present.map((run) => run.phases[name][0]))),
        'end (ms)': Math.round(median(present.map((run) => run.phases[name][1]))),
      };
    })
    .sort((a, b) => a['end (ms)'] - b['end (ms)']);
}

const chromePath = ensureChromium();
const [stack, floorDir] = await Promise.all([startBenchStack(), wanted('bundle') ? buildFloorApp() : undefined]);
const browser = await launchChromium(chromePath);
try {
  if (floorDir) {
    const first = firstPageKb(stack.distDir);
    const screen = await firstScreenKb(browser, stack.consoleUrl, stack.distDir);
    const floor = firstPageKb(floorDir);
    console.log('\n(d) First page, JS + CSS gzipped; baseline: a floor app of the four mandated libraries');
    console.table([
      row(`console, what index.html loads (${first.files.length} files)`, first.kb, floor.kb, 'KB', '≤ 1.10×'),
      row(`first screen, every chunk fetched until the message box is usable (${screen.files.length} files)`, screen.kb, floor.kb, 'KB'),
    ]);
    const later = screen.files.filter((file) => !first.files.includes(file));
    console.log(`Fetched after index.html's files, before the message box is usable: ${later.join(', ') || 'nothing'}`);
  }

  for (const name of (['markdown', 'events'] as const).filter(wanted)) {
    const label = name === 'markdown' ? '(a) 300 KB markdown answer, 120-character ADK deltas' : '(b) 20,000 ADK partial events';
    const goal = name === 'markdown' ? '≤ 1.5×' : '≤ 1.3×';
    for (const pace of ['paced', 'burst'] as const) {
      const runs: Array<Record<'bare' | 'console', StreamTiming>> = [];
      for (let index = 0; index < STREAM_RUNS; index++) runs.push(await streamFigure(browser, stack, name, pace));
      const of = (side: 'bare' | 'console', metric: keyof StreamTiming) => {
        const values = runs.map((run) => run[side][metric]).filter((value): value is number => value !== undefined);
        return values.length > 0 ? median(values) : undefined;
      };
      console.log(
        `\n${label}, ${pace === 'paced' ? 'paced like a model (~2 s)' : 'written at once'}, median of ${STREAM_RUNS}; baseline: a bare fetch reader in the same page`,
      );
      console.table([
        row('time to last text', of('console', 'totalMs'), of('bare', 'totalMs'), 'ms', goal),
        row('longest task', of('console', 'longestTaskMs'), of('bare', 'longestTaskMs'), 'ms', '≤ 50 ms'),
        row('blocked time (Σ long task − 50 ms)', of('console', 'blockingMs'), of('bare', 'blockingMs'), 'ms', '0'),
        row('key typed meanwhile → next frame', of('console', 'inputMs'), of('bare', 'inputMs'), 'ms'),
        row('every block rendered as markdown (text shows plain until then)', of('console', 'settledMs'), of('bare', 'totalMs'), 'ms'),
      ]);
    }
  }

  if (wanted('hostile')) {
    // Issue 15: no answer, however built, holds the main thread. Each shape written at once, beside the ordinary
    // 300 KB answer written the same way.
    const shapes: Array<[StreamName, string]> = [
      ['markdown', 'the ordinary 300 KB markdown answer'],
      ['deep-args', 'a tool call with arguments nested 6,000 levels'],
      ['emphasis', 'a paragraph of 80,000 unclosed *a (160 KB)'],
      ['tools', '20,000 tool calls in one stream (~2 MB)'],
      ['quotes', 'a line of 20,000 nested quotes'],
    ];
    const rows = [];
    for (const [name, label] of shapes.filter(([name]) => name === 'markdown' || HOSTILE_NAMES.includes(name as never))) {
      const runs: Array<Record<'bare' | 'console', StreamTiming>> = [];
      for (let index = 0; index < STREAM_RUNS; index++) runs.push(await streamFigure(browser, stack, name, 'burst'));
      const of = (side: 'bare' | 'console', metric: keyof StreamTiming) =>
        median(runs.map((run) => run[side][metric]).filter((value): value is number => value !== undefined));
      rows.push(row(`${label}: longest task`, of('console', 'longestTaskMs'), of('bare', 'longestTaskMs'), 'ms', '≤ 250 ms'));
      rows.push(row(`${label}: every block rendered`, of('console', 'settledMs'), of('bare', 'totalMs'), 'ms'));
    }
    console.log(`\n(f) Hostile answers, written at once, median of ${STREAM_RUNS}; baseline: a bare fetch reader of the same stream`);
    console.table(rows);
  }

  const consoleRuns: CallbackTiming[] = [];
  const bareRuns: CallbackTiming[] = [];
  for (let index = 0; index < (wanted('callback') ? CALLBACK_RUNS : 0); index++) {
    bareRuns.push(await bareCallback(browser, stack));
    consoleRuns.push(await consoleCallback(browser, stack));
  }
  if (consoleRuns.length > 0) {
    const signedIn = median(consoleRuns.map((run) => run.phases['signed-in']?.[0] ?? Number.NaN));
    const tokens = median(bareRuns.map((run) => run.phases.tokens?.[0] ?? Number.NaN));
    console.log(
      `\n(c) Consent posted → signed in, first visit, median of ${CALLBACK_RUNS}; baseline: a bare page that only exchanges the code`,
    );
    console.table([
      row('consent POST → "Signed in as alice" / tokens', signedIn, tokens, 'ms', '≤ 1.3×'),
      row(
        'callback page fetched → same (no pool redirects)',
        median(consoleRuns.map((run) => (run.phases['signed-in']?.[0] ?? Number.NaN) - run.phases.HTML[0])),
        median(bareRuns.map((run) => (run.phases.tokens?.[0] ?? Number.NaN) - run.phases.HTML[0])),
        'ms',
      ),
      row('same, wall clock from the bench', median(consoleRuns.map((run) => run.wallMs)), median(bareRuns.map((run) => run.wallMs)), 'ms'),
    ]);
    console.log('Console callback phases (ms from the consent POST, medians):');
    console.table(phaseTable(consoleRuns));
    console.log('Bare callback phases:');
    console.table(phaseTable(bareRuns));
  }

  if (wanted('conversation')) {
    const conversation = longConversation();
    const runs: Array<Record<'baseline' | 'console', ConversationTiming>> = [];
    for (let index = 0; index < CONVERSATION_RUNS; index++) runs.push(await conversationFigure(browser, stack, conversation, index));
    const of = (side: 'baseline' | 'console', metric: keyof ConversationTiming) => median(runs.map((run) => run[side][metric]));
    const kb = Math.round(JSON.stringify(conversation).length / 1024);
    console.log(
      `\n(e) A restored 200-message conversation (${kb} KB, every 4th answer a 5–20 KB markdown report), median of ${CONVERSATION_RUNS}; baseline: the same console with an empty conversation`,
    );
    console.table([
      row('navigation → conversation shown (last answer rendered)', of('console', 'renderMs'), of('baseline', 'renderMs'), 'ms'),
      row('longest task until then', of('console', 'renderLongestTaskMs'), of('baseline', 'renderLongestTaskMs'), 'ms', '≤ 50 ms'),
      row(
        'longest frame (task + style, layout, paint)',
        of('console', 'renderLongestFrameMs'),
        of('baseline', 'renderLongestFrameMs'),
        'ms',
      ),
      row('navigation → every answer rendered as markdown', of('console', 'settledMs'), of('baseline', 'settledMs'), 'ms'),
      row('longest frame until then', of('console', 'settledLongestFrameMs'), of('baseline', 'settledLongestFrameMs'), 'ms'),
      row('click "Send" → the message in the log, next frame', of('console', 'sendMs'), of('baseline', 'sendMs'), 'ms'),
      row('longest task during the send', of('console', 'sendLongestTaskMs'), of('baseline', 'sendLongestTaskMs'), 'ms', '≤ 50 ms'),
      row('longest frame during the send', of('console', 'sendLongestFrameMs'), of('baseline', 'sendLongestFrameMs'), 'ms'),
    ]);
    console.log('Frames: Long Animation Frame entries, only those over 50 ms are reported (0: none).');
  }

  if (wanted('session')) {
    const conversation = longConversation();
    const runs: Array<Record<'baseline' | 'console', SessionOpenTiming>> = [];
    for (let index = 0; index < SESSION_RUNS; index++) runs.push(await sessionOpenFigure(browser, stack, conversation, index));
    const of = (side: 'baseline' | 'console', metric: keyof SessionOpenTiming) => median(runs.map((run) => run[side][metric]));
    console.log(
      `\n(g) The same 200 messages as an ADK session on the runtime (events with tool calls and usage), opened from "Conversations", median of ${SESSION_RUNS}; baseline: opening a one-question session. The yardstick is (e), the same messages restored from the tab.`,
    );
    console.table([
      row('click → session shown (last answer rendered)', of('console', 'shownMs'), of('baseline', 'shownMs'), 'ms'),
      row('longest task until then', of('console', 'shownLongestTaskMs'), of('baseline', 'shownLongestTaskMs'), 'ms', '≤ 50 ms'),
      row('longest frame until then', of('console', 'shownLongestFrameMs'), of('baseline', 'shownLongestFrameMs'), 'ms'),
      row('click → every answer rendered as markdown', of('console', 'settledMs'), of('baseline', 'settledMs'), 'ms'),
      row('longest frame until then', of('console', 'settledLongestFrameMs'), of('baseline', 'settledLongestFrameMs'), 'ms'),
    ]);
  }
} finally {
  await browser.close();
  await stack.stop();
}
console.log(`\nBench finished in ${Math.round((Date.now() - started) / 1000)} s on ${(await import('node:os')).cpus().length} cores.`);
