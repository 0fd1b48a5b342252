import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentsVault, PendingConsent } from './documents-vault.ts';

const MAX_FORM_BYTES = 1024;

/** The page is a consent screen: nobody may frame it (clickjacking), and it runs no script at all. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: ServerResponse, status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  res.writeHead(status, HEADERS);
  res.end(html);
}

function askPage(res: ServerResponse, consent: PendingConsent) {
  page(
    res,
    200,
    'Local documents: allow access?',
    `<p><strong>Local agent</strong> asks to read your documents for <strong>${escapeHtml(consent.who)}</strong>, starting with “${escapeHtml(consent.document)}”.</p>
<p>Access asked for: documents.read</p>
<form method="post"><button name="decision" value="approve">Approve</button> <button name="decision" value="deny">Deny</button></form>`,
  );
}

async function readDecision(req: IncomingMessage): Promise<string | undefined> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) return undefined;
  }
  return new URLSearchParams(body).get('decision') ?? undefined;
}

/**
 * `GET /consent/<id>` shows the local provider's consent screen for one pending request, `POST` records
 * Approve or Deny. The unguessable id is the whole binding: it reaches only the user the agent gave it to.
 */
export async function serveConsentPage(req: IncomingMessage, res: ServerResponse, id: string, vault: DocumentsVault) {
  const consent = vault.find(id);
  if (!consent) {
    return page(
      res,
      404,
      'Unknown or expired request',
      '<p>This consent request does not exist or has timed out. Ask the agent again.</p>',
    );
  }
  if (req.method === 'GET') return consent.decision ? decidedPage(res, consent) : askPage(res, consent);
  if (req.method !== 'POST') return page(res, 405, 'Method not allowed', '<p>Use the buttons on the consent page.</p>');
  const decision = await readDecision(req);
  if (decision !== 'approve' && decision !== 'deny') return page(res, 400, 'Bad request', '<p>Choose Approve or Deny.</p>');
  return decidedPage(res, vault.decide(id, decision) ?? consent);
}

function decidedPage(res: ServerResponse, consent: PendingConsent) {
  const approved = consent.decision === 'approve';
  page(
    res,
    200,
    approved ? 'Access approved' : 'Access denied',
    `<p>${approved ? 'Local agent may now read your documents.' : 'Local agent may not read your documents.'} You can close this window and return to the console.</p>`,
  );
}
