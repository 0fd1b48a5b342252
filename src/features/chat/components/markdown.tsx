import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../../i18n/index.ts';

type Renderer = (text: string) => string;
let loaded: Renderer | undefined;
// marked and DOMPurify load with the first message, not with the first page.
export const loadRenderer = () => import('./render-markdown.ts').then((module) => (loaded = module.renderMarkdown));

function addCopyButtons(container: HTMLElement) {
  for (const pre of container.querySelectorAll('pre')) {
    if (pre.previousElementSibling?.classList.contains('copy-code')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code quiet';
    button.textContent = t('chat.copyCode');
    pre.before(button);
  }
}

/** Clipboard access is refused without permission or focus, and missing outside secure contexts: say so. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function copyCode(event: Event) {
  const button = (event.target as HTMLElement).closest('button.copy-code');
  const code = button?.nextElementSibling?.textContent;
  if (!button || code == null) return;
  button.textContent = t((await writeClipboard(code)) ? 'chat.copied' : 'chat.copyFailed');
  setTimeout(() => {
    button.textContent = t('chat.copyCode');
  }, 2000);
}

export function Markdown({ text }: { text: string }) {
  const [render, setRender] = useState<Renderer | undefined>(() => loaded);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!render) void loadRenderer().then((renderer) => setRender(() => renderer));
  }, [render]);
  const html = useMemo(() => (render ? render(text) : undefined), [render, text]);
  useEffect(() => {
    if (html !== undefined && container.current) addCopyButtons(container.current);
  }, [html]);
  useEffect(() => {
    // One delegated listener for the copy buttons added to the sanitised HTML.
    const element = container.current;
    if (!element) return;
    const onClick = (event: Event) => void copyCode(event);
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, []);
  // Until the renderer arrives the text shows as plain text: never as HTML.
  if (html === undefined) {
    return (
      <div className="markdown plain" ref={container}>
        {text}
      </div>
    );
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify in render-markdown.ts
  return <div className="markdown" ref={container} dangerouslySetInnerHTML={{ __html: html }} />;
}
