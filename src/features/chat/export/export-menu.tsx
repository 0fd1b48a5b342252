import { useId, useState } from 'react';
import { t } from '../../../i18n/index.ts';
import type { Conversation } from '../conversation.ts';

/** "Export", offering "Markdown" and "JSON": the conversation as a file, never with a token in it. */
export function ExportMenu({
  conversation,
  agentName,
  knownTokens,
}: {
  conversation: Conversation;
  agentName: string;
  knownTokens: () => string[];
}) {
  const [open, setOpen] = useState(false);
  const menu = useId();
  const save = async (format: 'markdown' | 'json') => {
    setOpen(false);
    // Loaded on first use: exporting is rare, the first page stays small.
    const { conversationJson, conversationMarkdown, download } = await import('./export-conversation.ts');
    const context = { agentName, knownTokens: knownTokens(), now: new Date() };
    download(format === 'markdown' ? conversationMarkdown(conversation, context) : conversationJson(conversation, context));
  };
  return (
    <div className="export-menu">
      <button
        type="button"
        className="quiet"
        aria-expanded={open}
        aria-controls={menu}
        disabled={conversation.messages.length === 0}
        onClick={() => setOpen((was) => !was)}
      >
        {t('chat.export')}
      </button>
      <div id={menu} className="export-choices" hidden={!open}>
        <button type="button" onClick={() => void save('markdown')}>
          {t('chat.exportMarkdown')}
        </button>
        <button type="button" onClick={() => void save('json')}>
          {t('chat.exportJson')}
        </button>
      </div>
    </div>
  );
}
