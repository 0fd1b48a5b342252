const DEADLINE_MS = 10_000;
/** A discovery document or a JWKS is a few kilobytes; a peer that sends more is not a key server. */
const MAX_BYTES = 256 * 1024;

export class FetchFailed extends Error {
  readonly url: string;
  constructor(url: string, cause: unknown) {
    super(`could not fetch ${url}`, { cause });
    this.url = url;
  }
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new Error(`larger than ${MAX_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

/** A public JSON document of a key server: no cookies, no redirects to elsewhere, a deadline and a size cap. */
export async function fetchPublicJson(url: string, signal: AbortSignal | undefined): Promise<unknown> {
  const deadline = AbortSignal.timeout(DEADLINE_MS);
  try {
    const response = await fetch(url, {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return JSON.parse(await readCapped(response)) as unknown;
  } catch (error) {
    throw new FetchFailed(url, error);
  }
}
