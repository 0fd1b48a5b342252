import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { isChunkLoadError } from '../../../components/chunk-load-error.ts';
import { type Language, t } from '../../../i18n/index.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import { copyToClipboard } from '../../../lib/use-copy.ts';
import { BlockSplitter } from '../stream/block-splitter.ts';

type Renderer = typeof import('./render-markdown.ts');
let loaded: Renderer | undefined;
// marked and DOMPurify load with the first message, not with the first page.
export const loadRenderer = () =>
  import('./render-markdown.ts').then((module) => {
    loaded = module;
    return module;
  });

/** An open tail longer than this shows as plain text until it settles: a frame never re-renders much markdown. */
const MAX_RENDERED_TAIL_CHARS = 16_000;
/** Settled blocks rendered (parsed, sanitised, laid out) in one frame at most: a few milliseconds of work. */
const MAX_BLOCKS_PER_FRAME = 24;

function addCopyButtons(container: HTMLElement) {
  for (const pre of container.querySelectorAll('pre')) {
    const existing = pre.previousElementSibling;
    if (existing?.classList.contains('copy-code')) {
      existing.textContent = t('chat.copyCode'); // in the language now shown
      continue;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code quiet';
    button.textContent = t('chat.copyCode');
    pre.before(button);
  }
}

async function copyCode(event: Event) {
  const button = (event.target as HTMLElement).closest('button.copy-code');
  const code = button?.nextElementSibling?.textContent;
  if (!button || code == null) return;
  button.textContent = t((await copyToClipboard(code)) ? 'chat.copied' : 'chat.copyFailed');
  setTimeout(() => {
    button.textContent = t('chat.copyCode');
  }, 2000);
}

/** One block of an answer, rendered and sanitised once: settled blocks never render again. */
const MarkdownBlock = memo(function MarkdownBlock({
  source,
  render,
  language,
}: {
  source: string;
  render: (text: string) => string;
  /** Rendered again (once) when the user switches language: image labels and copy buttons are words too. */
  language: Language;
}) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: language changes what render() writes (t() inside)
  const html = useMemo(() => render(source), [render, source, language]);
  const block = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a language switch relabels the buttons
  useEffect(() => {
    // Runs again when the tail's HTML changes: its new code blocks get their buttons too.
    if (html && block.current) addCopyButtons(block.current);
  }, [html, language]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify in render-markdown.ts
  return <div className="markdown-block" ref={block} dangerouslySetInnerHTML={{ __html: html }} />;
});

function useRenderer(): { renderer?: Renderer; failure?: unknown } {
  const [state, setState] = useState<{ renderer?: Renderer; failure?: unknown }>(() => ({ renderer: loaded }));
  useEffect(() => {
    if (state.renderer || state.failure) return;
    loadRenderer().then(
      (renderer) => setState({ renderer }),
      (failure: unknown) => setState({ failure }),
    );
  }, [state]);
  return state;
}

/**
 * An answer's markdown, rendered block by block as it streams (see BlockSplitter): settled blocks keep their
 * DOM, so text there can be selected while the rest arrives, and a frame costs what the open tail costs.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const { renderer, failure } = useRenderer();
  const language = useLanguage();
  const splitter = useRef<BlockSplitter | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  // How many settled blocks are rendered: a burst (a whole answer at once, a restored conversation) is
  // rendered MAX_BLOCKS_PER_FRAME blocks a frame, the rest shown as plain text meanwhile.
  const [rendered, setRendered] = useState(0);
  if (renderer) splitter.current ??= new BlockSplitter(renderer.lexBlocks);
  const { settled, tail } = splitter.current?.update(text) ?? { settled: [], tail: text };
  const visible = Math.min(settled.length, rendered + MAX_BLOCKS_PER_FRAME);
  useEffect(() => {
    if (visible === rendered) return;
    const frame = requestAnimationFrame(() => setRendered(visible));
    return () => cancelAnimationFrame(frame);
  }, [visible, rendered]);
  useEffect(() => {
    // One delegated listener for the copy buttons added to the sanitised HTML.
    const element = container.current;
    if (!element) return;
    const onClick = (event: Event) => void copyCode(event);
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, []);
  if (!renderer) {
    // Until the renderer arrives the text shows as plain text: never as HTML.
    return (
      <div className="markdown plain" ref={container}>
        {text}
        {failure !== undefined && (
          <p className="notice warn" role="alert">
            {isChunkLoadError(failure)
              ? t('boundary.newVersion', { part: t('boundary.part.markdown') })
              : t('boundary.failed', { part: t('boundary.part.markdown'), message: String(failure) })}
          </p>
        )}
      </div>
    );
  }
  const catchingUp = visible < settled.length;
  return (
    <div className="markdown" ref={container}>
      {settled.slice(0, visible).map((source, index) => (
        // Settled blocks never change or move: their index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <MarkdownBlock key={index} source={source} render={renderer.renderMarkdown} language={language} />
      ))}
      {catchingUp || tail.length > MAX_RENDERED_TAIL_CHARS ? (
        <div className="markdown-block plain">{catchingUp ? settled.slice(visible).join('') + tail : tail}</div>
      ) : (
        tail && <MarkdownBlock key="tail" source={tail} render={renderer.renderMarkdown} language={language} />
      )}
    </div>
  );
});
