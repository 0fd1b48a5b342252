import type { Browser, BrowserContext } from 'playwright-core';

/** A fresh context (empty cache). tsx names inner functions with `__name`, which functions sent to the page need too. */
export async function benchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}
