import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { describeViolations, takeCspViolations, watchCsp } from './csp-watch.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function found(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Debian's chromium, installed with apt-get when the tests run as root and it is missing. */
export function ensureChromium(): string {
  const path = found();
  if (path) return path;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('Chromium is missing: installing Debian\'s "chromium" package with apt-get…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install Debian's package (apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.",
  );
}

/** Flags that keep Chromium from dialling out on a closed network and from needing a sandbox as root. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}

/**
 * One Chromium per test file: launched before the file's own hooks run, closed after its tests. Every
 * context is watched for Content-Security-Policy violations, and a test during which one fired fails.
 */
export function chromiumForFile(executablePath: string): Pick<Browser, 'newContext'> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium(executablePath);
  });
  afterEach(() => {
    const violations = contexts.flatMap((context) => takeCspViolations(context));
    if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${describeViolations(violations)}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newContext: async (options) => {
      if (!browser) throw new Error('Chromium is not running yet: use the browser inside hooks and tests');
      const context = await browser.newContext(options);
      await watchCsp(context);
      contexts.push(context);
      return context;
    },
  };
}
