import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the page below does when its script runs: a title anyone can read, and storage on whatever origin it has. */
export const HOSTILE_TITLE_RAN = 'script ran';
const PAGE = `<!doctype html><html><head><title>agent page</title></head><body><h1>Gateway page</h1>
<script>document.title = ${JSON.stringify(HOSTILE_TITLE_RAN)}; localStorage.setItem('planted', 'yes');</script></body></html>`;

/** An upstream that behaves as badly as a gateway could: every answer is an HTML page with a script, and sets a cookie. */
export async function startHostileGateway(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'set-cookie': 'gateway_session=planted; Path=/; SameSite=Lax',
    });
    response.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
