import { randomUUID } from 'node:crypto';
import type { DocumentsVault } from './documents-vault.ts';
import type { Caller, StreamStep } from './replies.ts';

/** What `/docs` needs beyond the caller: the vault, where its consent page lives, and whether the caller hung up. */
export interface DocsContext {
  vault: DocumentsVault;
  consentUrl(id: string): string;
  signal: AbortSignal;
}

const AUTHOR = 'local_agent';
const TOOL = 'read_document';
const SCOPE = 'documents.read';
const STEP_DELAY_MS = 40;

function event(invocationId: string, role: 'model' | 'user', parts: unknown[], extra: Record<string, unknown> = {}) {
  return { author: AUTHOR, invocationId, id: randomUUID(), timestamp: Date.now() / 1000, ...extra, content: { role, parts } };
}

/** The event an ADK agent streams when a tool needs the user's consent (shape as AgentKit's tutorial sees it). */
export function credentialRequestEvent(invocationId: string, toolCallId: string, authUri: string | undefined) {
  const id = `adk-${randomUUID()}`;
  const oauth2 = { ...(authUri === undefined ? {} : { authUri }), state: randomUUID() };
  const authConfig = {
    providerName: 'documents',
    authScheme: {
      type: 'oauth2',
      flows: { authorizationCode: { authorizationUrl: authUri ?? '', tokenUrl: '', scopes: { [SCOPE]: 'Read your documents' } } },
    },
    rawAuthCredential: { authType: 'oauth2', oauth2: { clientId: 'local-agent' } },
    exchangedAuthCredential: { authType: 'oauth2', oauth2 },
  };
  const call = { functionCall: { id, name: 'adk_request_credential', args: { functionCallId: toolCallId, authConfig } } };
  return event(invocationId, 'user', [call], { longRunningToolIds: [id] });
}

function textSteps(invocationId: string, text: string): StreamStep[] {
  const steps = (text.match(/\S+\s*|\s+/g) ?? []).map((delta) => ({
    payload: event(invocationId, 'model', [{ text: delta }], { partial: true }),
    delayMs: STEP_DELAY_MS,
  }));
  return [...steps, { payload: event(invocationId, 'model', [{ text }], { partial: false }), delayMs: 0 }];
}

function documentResult(caller: Caller, document: string) {
  return {
    status: 'success',
    name: document,
    summary: `${document}: 3 pages, last edited by ${caller.name ?? caller.sub}; the plan, two open questions and the next steps.`,
  };
}

function summaryText(caller: Caller, document: string): string {
  return `**${document}**, read from the local documents provider as \`${caller.sub}\`: ${documentResult(caller, document).summary}`;
}

/**
 * `/docs <name>` streamed, like the tutorial's document tool: the model calls read_document; without the user's
 * consent the tool asks for it (`adk_request_credential`) and polls until the consent page is answered, then
 * goes on in the same stream: the tool's response and the summary, a refusal, or an error frame at the time-out.
 */
export async function* docsStream(caller: Caller, document: string, context: DocsContext): AsyncIterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  const toolCallId = `call-${randomUUID().slice(0, 8)}`;
  yield {
    payload: event(invocationId, 'model', [{ functionCall: { id: toolCallId, name: TOOL, args: { name: document } } }]),
    delayMs: STEP_DELAY_MS,
  };
  if (!context.vault.authorized(caller.sub)) {
    const consent = context.vault.ask(caller.sub, caller.name ?? caller.sub, document);
    yield { payload: credentialRequestEvent(invocationId, toolCallId, context.consentUrl(consent.id)), delayMs: 0 };
    const outcome = await context.vault.wait(consent.id, context.signal);
    if (outcome === 'gone') return;
    if (outcome === 'denied') {
      yield* textSteps(
        invocationId,
        `Access denied: you refused the documents provider on the consent page, so I did not read “${document}”.`,
      );
      return;
    }
    if (outcome === 'timed-out') {
      const seconds = Math.round(context.vault.timeoutMs / 1000);
      const message = `Authorization timed out: nobody approved the documents provider within ${seconds} s, so I did not read “${document}”.`;
      yield { payload: { error: 'AuthorizationTimeout', error_type: 'AuthorizationTimeout', message }, delayMs: 0 };
      return;
    }
  }
  const response = { functionResponse: { id: toolCallId, name: TOOL, response: documentResult(caller, document) } };
  yield { payload: event(invocationId, 'user', [response]), delayMs: STEP_DELAY_MS };
  yield* textSteps(invocationId, summaryText(caller, document));
}

/**
 * `/docs-json <name>`: the same as a JSON list of events, for clients that do not stream. A JSON answer cannot
 * wait for the click, so without consent it ends with the request; the page grants it for the next call.
 */
export function docsEvents(caller: Caller, document: string, context: Omit<DocsContext, 'signal'>): unknown[] {
  const invocationId = `e-${randomUUID()}`;
  const toolCallId = `call-${randomUUID().slice(0, 8)}`;
  const call = event(invocationId, 'model', [{ functionCall: { id: toolCallId, name: TOOL, args: { name: document } } }]);
  if (!context.vault.authorized(caller.sub)) {
    const consent = context.vault.ask(caller.sub, caller.name ?? caller.sub, document);
    return [call, credentialRequestEvent(invocationId, toolCallId, context.consentUrl(consent.id))];
  }
  const response = event(invocationId, 'user', [
    { functionResponse: { id: toolCallId, name: TOOL, response: documentResult(caller, document) } },
  ]);
  return [call, response, event(invocationId, 'model', [{ text: summaryText(caller, document) }])];
}

/** `/auth-uri [text]`: a consent request whose address is exactly `text` (none without it), for trying hostile ones. */
export function* authUriStream(authUri: string | undefined): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  yield { payload: credentialRequestEvent(invocationId, `call-${randomUUID().slice(0, 8)}`, authUri), delayMs: STEP_DELAY_MS };
  yield* textSteps(invocationId, 'This consent request was made up by /auth-uri; nothing waits for it.');
}
