import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { isChunkLoadError } from '../../../components/chunk-load-error.ts';
import { type Language, t } from '../../../i18n/index.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import { copyToClipboard } from '../../../lib/use-copy.ts';
import './markdown-blocks.css';
import { MarkdownProgress, plainPieces } from './markdown-progress.ts';
import { type FrameWork, markdownScheduler } from './markdown-scheduler.ts';

type Renderer = typeof import('./render-markdown.ts');
let loaded: Renderer | undefined;
// marked and DOMPurify load with the first message, not with the first page.
export const loadRenderer = () =>
  import('./render-markdown.ts').then((module) => {
    loaded = module;
    return module;
  });

/** The page's scheduler; what a frame rendered is committed in that frame, before it is painted. */
const scheduler = () => markdownScheduler(flushSync);

/** An open tail longer than this shows as plain text until it settles: a frame never re-renders much markdown. */
const MAX_RENDERED_TAIL_CHARS = 16_000;
/** Text waiting to render shows in pieces of about this many characters: only the pieces that change are laid out. */
const PLAIN_PIECE_CHARS = 4_000;
/** Rendered blocks are compared in groups of this many: a frame reconciles a few groups, not every block. */
const GROUP_SIZE = 64;

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

/** One block of an answer, rendered and sanitised once (see MarkdownProgress): settled blocks never render again. */
const MarkdownBlock = memo(function MarkdownBlock({
  html,
  language,
}: {
  html: string;
  /** Copy buttons are words too: a language switch relabels them. */
  language: Language;
}) {
  const block = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a language switch relabels the buttons
  useEffect(() => {
    // Runs again when the tail's HTML changes: its new code blocks get their buttons too.
    if (html && block.current) addCopyButtons(block.current);
  }, [html, language]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify in render-markdown.ts
  return <div className="markdown-block" ref={block} dangerouslySetInnerHTML={{ __html: html }} />;
});

interface GroupProps {
  html: readonly string[];
  language: Language;
}

const sameGroup = (before: GroupProps, after: GroupProps) =>
  before.language === after.language &&
  before.html.length === after.html.length &&
  before.html.every((html, index) => html === after.html[index]);

/**
 * GROUP_SIZE consecutive blocks: renders only when one of them is new or rendered again. A group out of view is
 * not laid out or painted (see markdown-blocks.css): a long answer's frames cost what shows, not all its DOM.
 */
const BlockGroup = memo(function BlockGroup({ html, language }: GroupProps) {
  return (
    <div className="markdown-group">
      {html.map((block, index) => (
        // Settled blocks never change or move: their index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <MarkdownBlock key={index} html={block} language={language} />
      ))}
    </div>
  );
}, sameGroup);

/**
 * Text not rendered as markdown, in pieces: a piece out of view is not laid out (see markdown-blocks.css).
 * `pending` while later frames will render it; an open tail too long to render stays plain.
 */
function PlainPieces({ text, from, to, pending }: { text: string; from: number; to: number; pending: boolean }) {
  return plainPieces(text, from, to, PLAIN_PIECE_CHARS).map((piece) => (
    <div key={`plain-${piece.key}`} className={`markdown-block plain piece${pending ? ' pending' : ''}`}>
      {piece.text}
    </div>
  ));
}

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
 * An answer's markdown, rendered block by block as it streams (see MarkdownProgress): settled blocks keep their
 * DOM, so text there can be selected while the rest arrives. A frame renders what the page's time budget allows
 * (shared by all answers, see markdown-scheduler.ts); a burst renders over the next frames, its text shown plain
 * meanwhile.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const { renderer, failure } = useRenderer();
  const language = useLanguage();
  const progress = useRef<MarkdownProgress | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  const [, setFrames] = useState(0);
  // This answer's share of the page's frames (see markdown-scheduler.ts): a frame's budget is for all answers.
  const [work] = useState<FrameWork>(() => ({
    work: (budgetMs) => progress.current?.work(budgetMs) ?? false,
    worked: () => setFrames((frames) => frames + 1),
  }));
  const shownText = useRef<string | undefined>(undefined);
  if (renderer) {
    if (!progress.current) {
      // The first text waits for the frame's callback: when a whole conversation mounts, the answers in view
      // and the newest render first, not the first in the log.
      progress.current = new MarkdownProgress(renderer);
      progress.current.update(text, language);
    } else if (progress.current.update(text, language)) {
      // A delta (or a new language) renders now with what is left of this frame's budget; a streaming answer
      // keeps progressing each frame.
      if (text !== shownText.current) scheduler().touch(work);
      scheduler().workNow(work);
    }
    shownText.current = text;
  }
  const view = progress.current?.view();
  const pending = progress.current?.pending ?? false;
  useEffect(() => {
    // Work left over: the next frames do their share, answers in view first.
    if (pending) scheduler().schedule(work);
  });
  useEffect(() => {
    if (container.current) scheduler().observe(work, container.current);
  });
  useEffect(() => () => scheduler().drop(work), [work]);
  const tail = view?.tailReady && view.tail.length <= MAX_RENDERED_TAIL_CHARS ? view.tail : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language changes what renderMarkdown() writes (t() inside)
  const tailHtml = useMemo(() => (tail && renderer ? renderer.renderMarkdown(tail) : ''), [renderer, tail, language]);
  useEffect(() => {
    // One delegated listener for the copy buttons added to the sanitised HTML.
    const element = container.current;
    if (!element) return;
    const onClick = (event: Event) => void copyCode(event);
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, []);
  if (!renderer || !view) {
    // Until the renderer arrives the text shows as plain text: never as HTML.
    return (
      <div className="markdown plain" ref={container}>
        <PlainPieces key="plain" text={text} from={0} to={text.length} pending />
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
  const groups = Math.ceil(view.html.length / GROUP_SIZE);
  return (
    <div className="markdown" ref={container}>
      {Array.from({ length: groups }, (_, group) => (
        <BlockGroup
          // biome-ignore lint/suspicious/noArrayIndexKey: groups of settled blocks never move
          key={`group-${group}`}
          html={view.html.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE)}
          language={language}
        />
      ))}
      <PlainPieces key="plain" text={text} from={view.plainFrom} to={tail ? text.length - tail.length : text.length} pending={pending} />
      {tail && <MarkdownBlock key="tail" html={tailHtml} language={language} />}
    </div>
  );
});
