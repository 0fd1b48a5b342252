import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForFile } from '../support/chromium.ts';
import { authStatus, signIn } from '../support/console-page.ts';
import { loginOverHttp } from '../support/http-login.ts';
import { ensureNginx, nginxConf, readmeNginxBlock } from '../support/nginx.ts';
import { run, type Spawned, waitForUrl } from '../support/processes.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);
let nginx: Spawned;

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the README's nginx block no longer contains "${from}"`);
  return text.replace(from, to);
}

beforeAll(async () => {
  const binary = ensureNginx();
  const scratch = mkdtempSync(join(tmpdir(), 'agent-console-nginx-'));
  const root = join(scratch, 'site');
  cpSync(stack.distDir, root, { recursive: true });
  chmodSync(scratch, 0o755);
  let block = readmeNginxBlock(join(process.cwd(), 'README.md'));
  block = replaceOnce(block, 'listen 8080;', `listen ${new URL(stack.nginxUrl).host};`);
  block = replaceOnce(block, 'root /srv/agent-console;', `root ${root};`);
  block = replaceOnce(block, 'proxy_pass https://xxxx.apigateway-cn-beijing.volceapi.com/;', `proxy_pass ${stack.agentUrl}/;`);
  nginx = run(binary, ['-c', nginxConf(block, scratch)], process.env);
  await waitForUrl(`${stack.nginxUrl}/`, nginx);
});

afterAll(async () => {
  await nginx?.stop();
});

describe("the README's nginx example", () => {
  it('serves the SPA for its routes and caches only the hashed assets', async () => {
    for (const path of ['/', '/callback?code=x&state=y', '/debugger']) {
      const response = await fetch(`${stack.nginxUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
    const config = await fetch(`${stack.nginxUrl}/config.json`);
    expect(config.headers.get('cache-control')).toBe('no-store');
    const index = await (await fetch(`${stack.nginxUrl}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    const assetResponse = await fetch(`${stack.nginxUrl}${asset}`);
    expect(assetResponse.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${stack.nginxUrl}/assets/missing.js`)).status).toBe(404);
  });

  it('forwards /agent/ with the user_id and session_id headers intact', async () => {
    const tokens = await loginOverHttp({
      issuer: stack.issuer,
      clientId: stack.clientId,
      redirectUri: `${stack.nginxUrl}/callback`,
      username: 'alice',
      password: 'alice-password',
    });
    const response = await fetch(`${stack.nginxUrl}/agent/invoke`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.access_token}`,
        'content-type': 'application/json',
        user_id: 'header-from-nginx',
        session_id: 's',
      },
      body: JSON.stringify({ prompt: 'through nginx' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toContain('the `user_id` header says `header-from-nginx`');
  });

  it('runs the whole console behind it: sign-in callback, then a streamed answer', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${stack.nginxUrl}/`);
    await signIn(page, stack.nginxUrl);
    await expect.poll(() => authStatus(page)).toBe('Signed in as alice');
    await page.getByRole('textbox', { name: 'Message' }).fill('/stream behind nginx');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    const answer = page.getByRole('log').locator('article.message.agent').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect((await answer.textContent())?.match(/You said: “behind nginx”/g)).toHaveLength(1);
  });
});
