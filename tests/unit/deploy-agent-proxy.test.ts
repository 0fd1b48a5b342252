// @vitest-environment node
/** The agent path of the function hosts (Cloudflare Pages, Netlify), run here on Node's own fetch. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyAgent } from '../../dev/deploy/edge/agent-proxy.ts';
import { examplePlan } from '../../dev/deploy/example.ts';
import { pagesFunction } from '../../dev/deploy/hosts/cloudflare.ts';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const seen: Seen[] = [];
let upstream: ReturnType<typeof createServer>;
let target = '';
let release = () => {};

beforeAll(async () => {
  upstream = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      if (request.url?.includes('handshake')) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: "first"\n\n');
        release = () => response.end('data: "last"\n\n');
        return;
      }
      response.writeHead(200, {
        'content-type': 'text/html',
        'set-cookie': 'gateway=planted; Path=/',
        'content-security-policy': 'default-src *',
      });
      response.end('<h1>Gateway page</h1>');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/base/`;
});

afterAll(() => {
  upstream.closeAllConnections();
  upstream.close();
});

const settings = () => ({ path: '/agent', target, hsts: 'max-age=63072000; includeSubDomains' });
const call = (method: string, path: string, init: RequestInit = {}) =>
  proxyAgent(new Request(`https://console.example.com/agent${path}`, { method, ...init }), settings());

describe('the agent path of a function host', () => {
  it('forwards what the console calls to the gateway’s path, with its headers, query and body', async () => {
    const before = seen.length;
    const response = await call('POST', '/invoke?trace=1', {
      headers: { authorization: 'Bearer t', user_id: 'sub-1', session_id: 's-1', cookie: 'console=1' },
      body: '{"prompt":"hi"}',
    });
    expect(response.status).toBe(200);
    const request = seen[before];
    expect(request).toMatchObject({ method: 'POST', url: '/base/invoke?trace=1', body: '{"prompt":"hi"}' });
    expect(request.headers).toMatchObject({ authorization: 'Bearer t', user_id: 'sub-1', session_id: 's-1', host: new URL(target).host });
    expect(request.headers.cookie).toBeUndefined();
  });

  it('marks every answer as sandboxed data that sets no cookie', async () => {
    const response = await call('GET', '/list-apps');
    expect(await response.text()).toBe('<h1>Gateway page</h1>');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('answers 404 itself for anything else, without reaching the gateway', async () => {
    const before = seen.length;
    for (const [method, path] of [
      ['GET', '/invoke'],
      ['GET', '/ping'],
      ['PUT', '/apps/a/users/u/sessions/s'],
      ['GET', '/apps/'],
      ['GET', ''],
      ['POST', '/run_sse/x'],
    ]) {
      const response = await call(method, path, method === 'GET' ? {} : { body: '{}' });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    }
    expect(seen.length).toBe(before);
  });

  it('passes a stream on as it arrives', async () => {
    const response = await call('POST', '/run_sse?handshake', { body: '{}' });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes('"first"')) received += (await reader?.read())?.value ?? '';
    release(); // the gateway ends the stream only once its first frame got through
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) received += chunk.value;
    expect(received).toBe('data: "first"\n\ndata: "last"\n\n');
  });

  it('is copied whole into the Pages Function, which exports its handler only', () => {
    const source = pagesFunction(examplePlan('cloudflare'));
    expect(source).toContain('async function proxyAgent(request: Request, settings: AgentProxySettings)');
    expect(source.match(/^export .*/gm)).toEqual([
      'export const onRequest = (context: { request: Request }): Promise<Response> => proxyAgent(context.request, SETTINGS);',
    ]);
    expect(source).toContain('"target": "https://xxxx.apigateway-cn-beijing.volceapi.com"');
  });
});
