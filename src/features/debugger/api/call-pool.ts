import { answersAtAll } from '../../../lib/http-probe.ts';

const DEADLINE_MS = 10_000;
/** A userinfo or revocation answer is small; more is not read. */
const MAX_BODY_BYTES = 64 * 1024;
/** The headers of an answer worth showing: what it is, why it refused, and whether this page may read it. */
const SHOWN_HEADERS = ['content-type', 'www-authenticate', 'cache-control', 'access-control-allow-origin'];

export type PoolAnswer =
  | { kind: 'answer'; status: number; statusText: string; headers: [string, string][]; body: string; cut: boolean }
  /** The browser withheld the answer: the endpoint answers, but not with CORS for this page's origin. */
  | { kind: 'cors'; origin: string }
  | { kind: 'network' }
  | { kind: 'timeout' };

async function readCapped(response: Response): Promise<{ body: string; cut: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { body: '', cut: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return { body: new TextDecoder().decode((await new Blob(chunks as BlobPart[]).arrayBuffer()).slice(0, MAX_BODY_BYTES)), cut: true };
    }
  }
  return { body: new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer()), cut: false };
}

/**
 * One request to the user pool on the user's behalf (userinfo, revocation): no cookies, no redirects, a deadline,
 * a capped answer. A failure says why when the browser lets it be known: CORS (the endpoint answers a no-cors
 * probe), time-out, or the network. The token travels in the request only; nothing here keeps or logs it.
 */
export async function callPool(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<PoolAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { kind: 'timeout' };
    if (await answersAtAll(url)) return { kind: 'cors', origin: window.location.origin };
    return { kind: 'network' };
  }
  const headers = SHOWN_HEADERS.flatMap((name): [string, string][] => {
    const value = response.headers.get(name);
    return value === null ? [] : [[name, value.slice(0, 1_000)]];
  });
  try {
    const { body, cut } = await readCapped(response);
    return { kind: 'answer', status: response.status, statusText: response.statusText, headers, body, cut };
  } catch {
    // The answer started and stopped (time-out, network): its status is known, its body is not.
    return { kind: 'answer', status: response.status, statusText: response.statusText, headers, body: '', cut: true };
  }
}
