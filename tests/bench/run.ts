/**
 * `npm run bench`: measures what the tests only prove works. Timings are printed, never asserted.
 * - the first page's JavaScript, gzipped (the mandated libraries alone are about 90 KB);
 * - the SSE parser's throughput on 2,000 ADK events cut into 1-byte..4 KB chunks;
 * - a 2,000-event streamed answer in Chromium: time to first text, to the end, and the longest
 *   main-thread task while it streams (a frozen page shows up there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SseParser } from '../../src/features/chat/stream/parse-sse.ts';
import { startStack } from '../e2e/stack.ts';
import { ensureChromium, launchChromium } from '../support/chromium.ts';
import { signIn } from '../support/console-page.ts';

function bundleSizes(distDir: string) {
  const index = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entry = /src="\/(assets\/[^"]+\.js)"/.exec(index)?.[1] ?? '';
  const rows = readdirSync(join(distDir, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(distDir, 'assets', file));
      return { file, entry: entry.endsWith(file), kb: bytes.length / 1024, gzipKb: gzipSync(bytes).length / 1024 };
    });
  return rows;
}

function parserThroughput() {
  const frames = Array.from(
    { length: 2000 },
    (_, index) =>
      `data: ${JSON.stringify({ author: 'a', partial: true, content: { role: 'model', parts: [{ text: `${index} ` }] } })}\r\n\r\n`,
  ).join('');
  const results: Array<{ chunk: number; ms: number; events: number }> = [];
  for (const chunk of [1, 64, 4096]) {
    const started = performance.now();
    const parser = new SseParser();
    let events = 0;
    for (let offset = 0; offset < frames.length; offset += chunk) events += parser.push(frames.slice(offset, offset + chunk)).length;
    results.push({ chunk, ms: performance.now() - started, events });
  }
  return results;
}

async function streamInBrowser(chromePath: string, consoleUrl: string) {
  const browser = await launchChromium(chromePath);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${consoleUrl}/`);
    await signIn(page, consoleUrl);
    await page.locator('.auth-status', { hasText: 'Signed in as alice' }).waitFor();
    await page.evaluate(() => {
      const state = { longest: 0 };
      (window as unknown as { __bench: typeof state }).__bench = state;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.longest = Math.max(state.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('/count 2000');
    const started = Date.now();
    await box.press('Enter');
    const answer = page.getByRole('log').locator('article.message.agent').last();
    await answer.locator('.markdown').first().waitFor();
    const firstText = Date.now() - started;
    await page.waitForFunction(
      () => document.querySelector('article.message.agent:last-of-type')?.getAttribute('data-status') === 'done',
      null,
      {
        timeout: 120_000,
      },
    );
    const done = Date.now() - started;
    const longest = await page.evaluate(() => (window as unknown as { __bench: { longest: number } }).__bench.longest);
    return { firstText, done, longest };
  } finally {
    await browser.close();
  }
}

const chromePath = ensureChromium();
const { stack, stop } = await startStack(chromePath);
try {
  console.log('\nFirst-page and lazy JavaScript (KB):');
  console.table(bundleSizes(stack.distDir).map((row) => ({ ...row, kb: row.kb.toFixed(1), gzipKb: row.gzipKb.toFixed(1) })));
  console.log('SSE parser, 2,000 ADK events:');
  console.table(parserThroughput().map((row) => ({ ...row, ms: row.ms.toFixed(2) })));
  console.log('2,000 streamed events in Chromium (ms):');
  console.table([await streamInBrowser(chromePath, stack.consoleUrl)]);
} finally {
  await stop();
}
