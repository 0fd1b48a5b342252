import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { LogLevel, setLogLevel } from '@google/adk';
import { authenticate } from '../agent/authenticate.ts';
import { serveConsentPage } from '../agent/consent-page.ts';
import { answerPreflight, corsHeaders } from '../agent/cors.ts';
import type { AgentServerOptions, RunningAgent } from '../agent/create-agent-server.ts';
import { createCustomJwtVerifier } from '../agent/custom-jwt.ts';
import { DocumentsVault } from '../agent/documents-vault.ts';
import { createUserNames } from '../agent/user-names.ts';
import { listen } from '../listen.ts';
import { serveAdkRoute } from './adk-routes.ts';
import { LocalDocuments } from './documents-tool.ts';
import { adkError, agentKitError, HttpError, sendJson } from './http.ts';
import { invoke } from './invoke.ts';
import { createLocalAgent } from './local-agent.ts';
import type { AdkRuntime, Call } from './runtime.ts';

const DEFAULT_CONSENT_TIMEOUT_SECONDS = 120;
/** Pause between the scripted model's streamed deltas, so a browser shows the answer growing. */
const STEP_DELAY_MS = 20;
const ALLOWED_METHODS = 'GET, POST, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type, accept, accept-language, user_id, session_id';
const PUBLIC_PATHS = new Set(['/ping', '/health', '/readiness', '/liveness']);

/**
 * The local AgentKit agent server app: the ADK app of `local-agent.ts` behind AgentKit's `/invoke` shim and ADK's
 * REST routes, every call behind the same `custom_jwt` check as the plain local agent, the ADK user bound to the
 * token's `sub`. Same options and result as `createAgentServer`, so a stack can start either.
 */
export async function createAdkAgentServer(options: AgentServerOptions): Promise<RunningAgent> {
  setLogLevel(LogLevel.ERROR);
  const host = options.host ?? '127.0.0.1';
  const verifier = createCustomJwtVerifier(options.auth);
  const nameOf = createUserNames(async () => (await verifier.discovery()).userinfo_endpoint);
  const names = new Map<string, string | undefined>();
  const audit = options.audit ?? ((line: string) => process.stdout.write(`${line}\n`));
  const corsOrigins = new Set(options.corsOrigins);
  const vault = new DocumentsVault((options.consentTimeoutSeconds ?? DEFAULT_CONSENT_TIMEOUT_SECONDS) * 1000);
  let publicUrl = options.publicUrl ?? '';
  const consentUrl = (id: string) => `${publicUrl}/consent/${id}?scope=documents.read`;
  const documents = new LocalDocuments(vault, { consent: consentUrl, callback: () => `${publicUrl}/oauth2callback` }, (sub) =>
    names.get(sub),
  );
  const { runner, sessionService } = createLocalAgent({ documents, nameOf: (sub) => names.get(sub), stepDelayMs: STEP_DELAY_MS });
  const runtime: AdkRuntime = { runner, sessions: sessionService, documents, vault, consentUrl };

  async function authenticated(
    req: IncomingMessage,
    res: ServerResponse,
    cors: Record<string, string>,
    path: string,
    record: Record<string, unknown>,
  ) {
    const caller = await authenticate(verifier, req, res, cors, record);
    if (typeof caller === 'number') return caller; // refused: the bytes of the 401
    const sub = String(caller.claims.sub);
    record.sub = sub;
    record.client_id = caller.claims.client_id;
    const runsAgent = path === '/invoke' || path === '/run_sse';
    if (runsAgent) names.set(sub, await nameOf(sub, caller.token));
    const hangUp = new AbortController();
    res.once('close', () => hangUp.abort());
    const call: Call = { req, res, cors, record, caller, sub, name: names.get(sub), hungUp: hangUp.signal };
    const bytes = path === '/invoke' ? await invoke(runtime, call) : await serveAdkRoute(runtime, call, req.method ?? 'GET', path);
    if (bytes === undefined) throw adkError(404, 'Not Found');
    record.status ??= res.statusCode;
    return bytes;
  }

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const cors = corsHeaders(req, corsOrigins);
    const path = new URL(req.url ?? '/', 'http://agent').pathname;
    const record: Record<string, unknown> = { time: new Date().toISOString(), method: req.method, path, runtime: 'adk' };
    let audited = false;
    try {
      if (req.method === 'OPTIONS') return answerPreflight(res, cors, { methods: ALLOWED_METHODS, headers: ALLOWED_HEADERS });
      if (req.method === 'GET' && path === '/ping') return void sendJson(res, 200, { status: 'pong!' }, cors);
      if (req.method === 'GET' && PUBLIC_PATHS.has(path)) return void sendJson(res, 200, { status: 'ok' }, cors);
      if (path.startsWith('/consent/')) return void (await serveConsentPage(req, res, path.slice('/consent/'.length), vault));
      audited = true;
      if (path === '/invoke') {
        if (req.method !== 'POST') throw agentKitError(405, 'MethodNotAllowed', 'Use POST /invoke');
        if (options.redirectInvokeTo) {
          record.status = 307;
          res.writeHead(307, { ...cors, location: options.redirectInvokeTo });
          res.end();
          return;
        }
      }
      record.bytes = await authenticated(req, res, cors, path, record);
    } catch (error) {
      const known = error instanceof HttpError;
      if (!known) console.error(`ADK runtime failed on ${req.method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      const status = known ? error.status : 500;
      record.status = status;
      const body = known
        ? error.body
        : path === '/invoke'
          ? { error: { message: 'agent failed', type: 'InternalServerError' } }
          : { error: 'agent failed' };
      if (!res.headersSent) sendJson(res, status, body, cors);
      else res.end();
    } finally {
      if (audited) {
        record.latency_ms = Math.round(performance.now() - started);
        audit(JSON.stringify(record));
      }
    }
  });

  const listening = await listen(server, options.port, host);
  publicUrl ||= listening.localUrl;
  return { url: `http://${host}:${listening.port}`, close: listening.close };
}
