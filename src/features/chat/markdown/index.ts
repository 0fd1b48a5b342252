/**
 * The markdown engine of agent answers, one entry point: `Markdown` renders an answer's text (streamed block by
 * block, sanitised, within the limits of markdown-limits.ts); `loadRenderer` fetches marked and DOMPurify ahead
 * of the first answer. Agent links into the console's own agent path are refused (see setLinkAgentEndpoint).
 */
export { setLinkAgentEndpoint } from './link-target.ts';
export { loadRenderer, Markdown } from './markdown.tsx';
