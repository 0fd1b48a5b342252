// Bundled by hostile-servers.ts into a page of its own, so the renderer is tested in Chromium's real DOM:
// DOMPurify under happy-dom sanitises nothing, so unit tests there would prove nothing.
import { renderMarkdown, sanitizeHtml } from '../../src/features/chat/components/render-markdown.ts';

Object.assign(window, { renderMarkdown, sanitizeHtml });
