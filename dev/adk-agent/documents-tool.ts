import { randomBytes, randomUUID } from 'node:crypto';
import { type AuthConfig, AuthCredentialTypes, type Context, FunctionTool } from '@google/adk';
import { z } from 'zod';
import type { ConsentOutcome, DocumentsVault } from '../agent/documents-vault.ts';

export const READ_DOCUMENT = 'read_document';
const SCOPE = 'documents.read';
const CREDENTIAL_KEY = 'local_documents';

/** Where browsers reach this runtime's pages. */
export interface DocumentsUrls {
  consent(id: string): string;
  /** The provider's redirect URI: only ever named in `authResponseUri`, nothing is served there. */
  callback(): string;
}

/** The provider's answer to a consent, as its redirect would carry it (AgentKit's identity service receives it). */
export type ConsentRedirect =
  | { outcome: 'approved' | 'denied'; authResponseUri: string }
  | { outcome: Exclude<ConsentOutcome, 'approved' | 'denied'> };

/**
 * The scheme is OAuth2's implicit flow on purpose: ADK 2.0 exchanges an authorization code itself and only with an
 * `https` token endpoint that is not on loopback, so a local provider hands over the token in the redirect instead.
 */
function authConfig(authUri?: string, state?: string): AuthConfig & { providerName: string } {
  return {
    providerName: 'documents',
    credentialKey: CREDENTIAL_KEY,
    authScheme: {
      type: 'oauth2',
      flows: { implicit: { authorizationUrl: authUri ?? '', scopes: { [SCOPE]: 'Read your documents' } } },
    },
    rawAuthCredential: { authType: AuthCredentialTypes.OAUTH2, oauth2: { clientId: 'local-agent' } },
    exchangedAuthCredential: {
      authType: AuthCredentialTypes.OAUTH2,
      oauth2: { ...(authUri ? { authUri } : {}), ...(state ? { state } : {}) },
    },
  };
}

function documentResult(who: string, document: string) {
  return {
    status: 'success',
    name: document,
    summary: `${document}: 3 pages, last edited by ${who}; the plan, two open questions and the next steps.`,
  };
}

/**
 * The local documents provider as an ADK tool sees it: `read_document` asks for the user's consent with ADK's own
 * `requestCredential`, and reads once a credential for that user is there (handed back by the runtime after the
 * consent page was answered, or a grant the same user gave before; grants live in memory).
 */
export class LocalDocuments {
  private readonly vault: DocumentsVault;
  private readonly urls: DocumentsUrls;
  private readonly nameOf: (sub: string) => string | undefined;
  /** Tool call waiting for consent → the consent's id and the state of its request. */
  private readonly waiting = new Map<string, { consentId: string; state: string }>();
  /** Access tokens the provider issued → whose documents they read. */
  private readonly tokens = new Map<string, string>();

  constructor(vault: DocumentsVault, urls: DocumentsUrls, nameOf: (sub: string) => string | undefined) {
    this.vault = vault;
    this.urls = urls;
    this.nameOf = nameOf;
  }

  readonly tool = new FunctionTool({
    name: READ_DOCUMENT,
    description: 'Reads one of the user’s documents at the local documents provider (needs the user’s consent).',
    parameters: z.object({ name: z.string().describe('The document’s name') }),
    execute: (input, context) => this.read(input.name, context),
  });

  private read(document: string, context: Context | undefined) {
    if (!context?.functionCallId) return { status: 'error', message: 'read_document runs only as a tool call.' };
    const sub = context.userId;
    const who = this.nameOf(sub) ?? sub;
    const handedBack = context.getAuthResponse(authConfig())?.oauth2;
    if (handedBack?.authResponseUri) {
      const answer = new URLSearchParams(new URL(handedBack.authResponseUri).hash.slice(1));
      if (!handedBack.state || answer.get('state') !== handedBack.state) {
        return { status: 'error', message: 'The documents provider answered a request I did not make (state mismatch).' };
      }
      if (answer.get('error') === 'access_denied') {
        return {
          status: 'denied',
          message: `Access denied: you refused the documents provider on the consent page, so I did not read “${document}”.`,
        };
      }
      if (this.tokens.get(answer.get('access_token') ?? '') === sub) return documentResult(who, document);
    }
    if (this.vault.authorized(sub)) return documentResult(who, document);

    const consent = this.vault.ask(sub, who, document);
    const state = randomUUID();
    this.waiting.set(context.functionCallId, { consentId: consent.id, state });
    setTimeout(() => this.waiting.delete(context.functionCallId!), this.vault.timeoutMs).unref();
    context.requestCredential(authConfig(this.urls.consent(consent.id), state));
    return { status: 'pending', message: `Waiting for your consent at the documents provider to read “${document}”.` };
  }

  get timeoutSeconds(): number {
    return Math.round(this.vault.timeoutMs / 1000);
  }

  /** True when `toolCallId` is a `read_document` call of this provider still waiting for consent. */
  isWaiting(toolCallId: string): boolean {
    return this.waiting.has(toolCallId);
  }

  /**
   * Waits like AgentKit's identity service polls its token vault, until the consent page is answered, the consent
   * times out or the caller hangs up; then the redirect the provider would send (a token, or `access_denied`).
   */
  async redirectFor(toolCallId: string, sub: string, signal: AbortSignal): Promise<ConsentRedirect> {
    const waiting = this.waiting.get(toolCallId);
    if (!waiting) return { outcome: 'timed-out' };
    const outcome = await this.vault.wait(waiting.consentId, signal);
    this.waiting.delete(toolCallId);
    if (outcome !== 'approved' && outcome !== 'denied') return { outcome };
    const answer = new URLSearchParams({ state: waiting.state });
    if (outcome === 'approved') {
      const token = randomBytes(32).toString('base64url');
      this.tokens.set(token, sub);
      answer.set('access_token', token);
      answer.set('token_type', 'bearer');
    } else {
      answer.set('error', 'access_denied');
    }
    return { outcome, authResponseUri: `${this.urls.callback()}#${answer}` };
  }
}
