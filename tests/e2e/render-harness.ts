// Bundled by hostile-servers.ts into a page of its own, so the renderer is tested in Chromium's real DOM:
// DOMPurify under happy-dom sanitises nothing, so unit tests there would prove nothing.
import {
  renderBlocks,
  renderMarkdown,
  sanitizeHtml,
  sanitizeHtmlAlone,
  sanitizeHtmlBatch,
} from '../../src/features/chat/markdown/render-markdown.ts';
import { enWorkspace } from '../../src/i18n/en-workspace.ts';
import { addEnglish } from '../../src/i18n/index.ts';

// In the console the workspace chunk adds its English texts (image links are worded with them) as it loads.
addEnglish(enWorkspace);
Object.assign(window, { renderMarkdown, sanitizeHtml, renderBlocks, sanitizeHtmlAlone, sanitizeHtmlBatch });
