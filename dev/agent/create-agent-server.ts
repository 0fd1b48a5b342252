import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from '../listen.ts';
import { pageLanguage } from '../page-language.ts';
import { authenticate } from './authenticate.ts';
import { serveConsentPage } from './consent-page.ts';
import { answerPreflight, corsHeaders } from './cors.ts';
import { type CustomJwtSettings, createCustomJwtVerifier } from './custom-jwt.ts';
import { DocumentsVault } from './documents-vault.ts';
import { type Reply, replyTo } from './replies.ts';
import { errorBody, sendJson, sendReply } from './send-reply.ts';
import { createUserNames } from './user-names.ts';

export interface AgentServerOptions {
  host?: string;
  port: number;
  auth: CustomJwtSettings;
  /** Origins allowed to call the agent straight from a browser. */
  corsOrigins: string[];
  /** Where the audit trail goes, one JSON line per call. */
  audit?: (line: string) => void;
  /** Fault mode: answer every POST /invoke with a 307 to this URL, before any token check, like a moved gateway. */
  redirectInvokeTo?: string;
  /** How long `/docs` waits for the user's consent before an error frame (default 120 s). */
  consentTimeoutSeconds?: number;
  /** Where browsers reach this server, for the consent page's address (default: the address it listens on). */
  publicUrl?: string;
}

export interface RunningAgent {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_CONSENT_TIMEOUT_SECONDS = 120;
const ALLOWED_HEADERS = 'authorization, content-type, accept, user_id, session_id';

class HttpError extends Error {
  readonly status: number;
  readonly type: string;
  constructor(status: number, type: string, message: string) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'PayloadTooLarge', 'request body larger than 1 MiB');
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BadRequest', 'Invalid JSON in request body');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { prompt?: unknown }).prompt !== 'string') {
    throw new HttpError(400, 'BadRequest', 'The body must be a JSON object with a string "prompt"');
  }
  return body as Record<string, unknown>;
}

export async function createAgentServer(options: AgentServerOptions): Promise<RunningAgent> {
  const host = options.host ?? '127.0.0.1';
  const verifier = createCustomJwtVerifier(options.auth);
  const nameOf = createUserNames(async () => (await verifier.discovery()).userinfo_endpoint);
  const audit = options.audit ?? ((line: string) => process.stdout.write(`${line}\n`));
  const corsOrigins = new Set(options.corsOrigins);
  const vault = new DocumentsVault((options.consentTimeoutSeconds ?? DEFAULT_CONSENT_TIMEOUT_SECONDS) * 1000);
  let publicUrl = options.publicUrl ?? '';

  async function invoke(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>, record: Record<string, unknown>) {
    const caller = await authenticate(verifier, req, res, cors, record);
    if (typeof caller === 'number') return caller; // refused: the bytes of the 401
    record.sub = caller.claims.sub;
    record.client_id = caller.claims.client_id;
    const body = await readJsonBody(req);
    const sub = String(caller.claims.sub);
    // A caller who hangs up (Stop) ends a wait for consent at once rather than at the time-out.
    const hungUp = new AbortController();
    res.once('close', () => hungUp.abort());
    const reply: Reply = replyTo(
      String(body.prompt),
      {
        sub,
        clientId: caller.claims.client_id,
        name: await nameOf(sub, caller.token),
        userIdHeader: typeof req.headers.user_id === 'string' ? req.headers.user_id : undefined,
        language: pageLanguage(undefined, req.headers['accept-language']),
      },
      body.stream === true,
      { vault, consentUrl: (id) => `${publicUrl}/consent/${id}?scope=documents.read`, signal: hungUp.signal },
    );
    return sendReply(res, reply, cors, record);
  }

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const cors = corsHeaders(req, corsOrigins);
    const path = new URL(req.url ?? '/', 'http://agent').pathname;
    const record: Record<string, unknown> = { time: new Date().toISOString(), method: req.method, path };
    try {
      if (req.method === 'OPTIONS') return answerPreflight(res, cors, { methods: 'GET, POST', headers: ALLOWED_HEADERS });
      if (req.method === 'GET' && path === '/ping') return void sendJson(res, 200, { status: 'pong!' }, cors);
      if (req.method === 'GET' && ['/health', '/readiness', '/liveness'].includes(path)) {
        return void sendJson(res, 200, { status: 'ok' }, cors);
      }
      if (path.startsWith('/consent/')) return void (await serveConsentPage(req, res, path.slice('/consent/'.length), vault));
      if (path === '/invoke') {
        if (req.method !== 'POST') throw new HttpError(405, 'MethodNotAllowed', 'Use POST /invoke');
        if (options.redirectInvokeTo) {
          record.status = 307;
          res.writeHead(307, { ...cors, location: options.redirectInvokeTo });
          res.end();
          return;
        }
        record.bytes = await invoke(req, res, cors, record);
        return;
      }
      throw new HttpError(404, 'NotFound', `No entrypoint at ${path}`);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const type = error instanceof HttpError ? error.type : 'InternalServerError';
      const message = error instanceof Error ? error.message : 'agent failed';
      record.status = status;
      if (!res.headersSent) sendJson(res, status, errorBody(message, type), cors);
      else res.end();
    } finally {
      if (path === '/invoke') {
        record.latency_ms = Math.round(performance.now() - started);
        audit(JSON.stringify(record));
      }
    }
  });

  const listening = await listen(server, options.port, host);
  publicUrl ||= listening.localUrl;
  return { url: `http://${host}:${listening.port}`, close: listening.close };
}
