export interface CappedText {
  text: string;
  /** The body held more than `maxBytes`, or `signal` aborted before it ended: `text` is its beginning. */
  cut: boolean;
}

function aborted(signal: AbortSignal): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}

/**
 * Reads at most `maxBytes` of a body until `signal` aborts (a deadline), then cancels the rest: an endless or
 * never-ending body costs a bounded amount of memory and time. Bytes past the cap are never decoded.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, signal: AbortSignal): Promise<CappedText> {
  if (!body) return { text: '', cut: false };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const stop = aborted(signal);
  let text = '';
  let received = 0;
  try {
    while (true) {
      const next = await Promise.race([reader.read(), stop]);
      if (next === 'aborted') return { text: text + decoder.decode(), cut: true };
      if (next.done) return { text: text + decoder.decode(), cut: false };
      const room = maxBytes - received;
      received += next.value.byteLength;
      if (next.value.byteLength > room) return { text: text + decoder.decode(next.value.subarray(0, room)), cut: true };
      text += decoder.decode(next.value, { stream: true });
    }
  } catch {
    return { text: text + decoder.decode(), cut: true };
  } finally {
    // Closes the connection of a body still flowing; a no-op for one already read to the end.
    reader.cancel().catch(() => {});
  }
}
