import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';

type RolldownOutput = Rolldown.RolldownOutput;

export interface Loopback {
  url: string;
  /** "METHOD /path" of every request received, in order. */
  hits: string[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server) {
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

/** The attacker's host: counts every request it gets, whatever it is, and answers 204. */
export async function startRecorder(): Promise<Loopback> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(204);
    res.end();
  });
  return { url: await listen(server), hits, close: closer(server) };
}

/** The renderer page (startRendererPage) served and opened in a fresh context. */
export async function openRendererPage(browser: Pick<Browser, 'newContext'>): Promise<{ harness: Loopback; page: Page }> {
  const harness = await startRendererPage();
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${harness.url}/`);
  return { harness, page };
}

/**
 * A page of its own holding the console's real markdown renderer (bundled from src by Vite), so the sanitiser
 * is checked in Chromium's DOM: DOMPurify under happy-dom sanitises nothing, so unit tests there prove nothing.
 */
export async function startRendererPage(): Promise<Loopback> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: 'tests/e2e/render-harness.ts', formats: ['iife'], name: 'harness' } },
  });
  const [bundle] = (Array.isArray(output) ? output : [output]) as RolldownOutput[];
  const script = bundle.output.find((file) => file.type === 'chunk')?.code ?? '';
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === '/harness.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      '<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>renderer</title><script src="/harness.js"></script><body></body></html>',
    );
  });
  return { url: await listen(server), hits, close: closer(server) };
}
