import { t } from '../../../i18n/index.ts';
import { safeStringify } from '../../../lib/bounded-json.ts';
import type { ChatMessage, Conversation } from '../conversation.ts';
import { eventsOf } from '../stream/event-log.ts';
import { redactText, redactValue } from './redact.ts';

/**
 * The conversation as a file: Markdown to read (prompts, answers, tool calls), JSON to process (every message
 * and the raw events kept). Never a token: the session's own and anything token-shaped are redacted.
 */

export interface ExportContext {
  agentName: string;
  /** The session's tokens in hand: replaced even where they do not look like a JWT. */
  knownTokens: readonly string[];
  now: Date;
}

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'agent'
  );
}

function fileName(context: ExportContext, extension: string): string {
  return `${slug(context.agentName)}-conversation-${context.now.toISOString().slice(0, 10)}.${extension}`;
}

function when(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : '';
}

type AgentMessage = Extract<ChatMessage, { role: 'agent' }>;

function statusNote(message: AgentMessage): string | undefined {
  if (message.status === 'stopped') return t('chat.stopped');
  if (message.failure) return t(message.failure.message, message.failure.params);
  return undefined;
}

function compact(value: unknown): string {
  return safeStringify(value, { maxChars: 2_000 }).replace(/`/g, 'ˋ');
}

function answerMarkdown(message: AgentMessage): string {
  const lines: string[] = [];
  for (const part of message.answer.parts) {
    if (part.kind === 'text') lines.push(part.text);
    else if (part.kind === 'json') lines.push(`\`\`\`json\n${safeStringify(part.value, { indent: 2, maxChars: 50_000 })}\n\`\`\``);
    else if (part.kind === 'tool-call') lines.push(`> ${t('chat.toolCall', { name: part.name })}: \`${compact(part.args)}\``);
    else if (part.kind === 'tool-result') lines.push(`> ${t('chat.toolResult', { name: part.name })}: \`${compact(part.response)}\``);
    else
      lines.push(
        `> ${t('outbound.title')}${part.request.provider ? ` (${part.request.provider})` : ''}: ${part.authorized ? t('outbound.authorized') : '–'}`,
      );
  }
  if (message.answer.hiddenParts)
    lines.push(`> ${t('chat.moreParts', { count: message.answer.hiddenParts, limit: message.answer.parts.length })}`);
  const note = statusNote(message);
  if (note) lines.push(`_${note}_`);
  return lines.join('\n\n');
}

export function conversationMarkdown(conversation: Conversation, context: ExportContext): ExportFile {
  const sections = [
    `# ${t('chat.title', { agent: context.agentName })}`,
    `_${context.now.toISOString()} · session ${conversation.sessionId}_`,
  ];
  for (const message of conversation.messages) {
    const who = message.role === 'user' ? t('chat.you') : context.agentName;
    sections.push(`## ${who} · ${when(message.at)}`);
    sections.push(message.role === 'user' ? message.text : answerMarkdown(message));
  }
  return { name: fileName(context, 'md'), type: 'text/markdown', text: `${redactText(sections.join('\n\n'), context.knownTokens)}\n` };
}

/** Whole: every value in it was bounded where it came in (a walk of the whole document would cut it). */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return safeStringify(value, { indent: 2 });
  }
}

export function conversationJson(conversation: Conversation, context: ExportContext): ExportFile {
  const messages = conversation.messages.map((message) =>
    message.role === 'user'
      ? { id: message.id, role: 'user', at: when(message.at), text: message.text }
      : {
          id: message.id,
          role: 'agent',
          at: when(message.at),
          status: message.status,
          parts: message.answer.parts,
          ...(message.answer.hiddenParts ? { hiddenParts: message.answer.hiddenParts } : {}),
          ...(message.failure ? { failure: { kind: message.failure.kind, message: statusNote(message) } } : {}),
          events: eventsOf(message.id),
        },
  );
  const document = {
    format: 'agent-console.conversation/1',
    agent: context.agentName,
    exportedAt: context.now.toISOString(),
    sessionId: conversation.sessionId,
    messages,
  };
  return {
    name: fileName(context, 'json'),
    type: 'application/json',
    text: `${jsonText(redactValue(document, context.knownTokens))}\n`,
  };
}

/** Hands the file to the browser as a download. */
export function download(file: ExportFile) {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
