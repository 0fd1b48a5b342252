/**
 * A lazy chunk that is gone from the server (a redeploy replaced the hashed files) rejects the dynamic
 * import with a TypeError whose wording differs per browser; Vite's preloader throws its own Error.
 * The messages are the only signal the browsers give, so they are matched here and nowhere else.
 */
const CHUNK_MESSAGES = [
  'Failed to fetch dynamically imported module', // Chromium
  'error loading dynamically imported module', // Firefox
  'Importing a module script failed', // Safari
  'Unable to preload CSS', // Vite's preloader
];

export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ChunkLoadError') return true;
  const message = error.message.toLowerCase();
  return CHUNK_MESSAGES.some((known) => message.includes(known.toLowerCase()));
}
