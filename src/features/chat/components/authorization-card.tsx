import { useEffect, useRef, useState } from 'react';
import { type MessageKey, t } from '../../../i18n/index.ts';
import type { AnswerStatus } from '../conversation.ts';
import { type ConsentUrl, checkConsentUrl } from '../outbound/consent-url.ts';
import type { CredentialRequest } from '../outbound/credential-request.ts';
import { openConsentPopup } from '../outbound/open-popup.ts';
import './authorization-card.css';

const REFUSED: Record<Exclude<ConsentUrl, { ok: true }>['reason'], MessageKey> = {
  missing: 'outbound.refused.missing',
  malformed: 'outbound.refused.malformed',
  scheme: 'outbound.refused.scheme',
  insecure: 'outbound.refused.insecure',
  'own-origin': 'outbound.refused.ownOrigin',
};

function statusKey(authorized: boolean, status: AnswerStatus): MessageKey {
  if (authorized) return 'outbound.authorized';
  if (status === 'waiting' || status === 'streaming') return 'outbound.waiting';
  if (status === 'stopped') return 'outbound.stopped';
  return status === 'error' ? 'outbound.failed' : 'outbound.ended';
}

function OpenControl({ url }: { url: Extract<ConsentUrl, { ok: true }> }) {
  const [blocked, setBlocked] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  // The button just clicked is gone: keyboard and screen-reader users land on the link that replaces it.
  useEffect(() => {
    if (blocked) link.current?.focus();
  }, [blocked]);
  if (blocked) {
    return (
      <p>
        {t('outbound.popupBlocked', { host: url.host })}{' '}
        <a ref={link} href={url.href} target="_blank" rel="noopener noreferrer">
          {t('outbound.authorize')}
        </a>
      </p>
    );
  }
  return (
    <p>
      <button type="button" onClick={() => setBlocked(!openConsentPopup(url.href))}>
        {t('outbound.authorize')}
      </button>{' '}
      <span className="meta">{t('outbound.opens', { host: url.host })}</span>
    </p>
  );
}

/**
 * Stands in an answer where the agent asked for the user's consent to a third party (`adk_request_credential`):
 * who asks, a way to the consent page when its address is safe to open, and where the wait stands.
 */
export function AuthorizationCard({
  request,
  authorized,
  status,
}: {
  request: CredentialRequest;
  authorized: boolean;
  status: AnswerStatus;
}) {
  const url = checkConsentUrl(request.authUri);
  const open = !authorized && status !== 'error' && status !== 'stopped';
  const state = statusKey(authorized, status).replace('outbound.', '');
  return (
    <section
      className="authorization-card"
      aria-label={url.ok ? t('outbound.card', { host: url.host }) : t('outbound.cardNoHost')}
      data-state={state}
    >
      <p>
        <strong>{t('outbound.title')}</strong>
      </p>
      {url.ok && <p>{t('outbound.asks', { host: url.host })}</p>}
      {request.provider && <p className="meta">{t('outbound.provider', { provider: request.provider })}</p>}
      {request.scopes.length > 0 && <p className="meta">{t('outbound.scopes', { scopes: request.scopes.join(', ') })}</p>}
      {url.ok ? (
        open && <OpenControl url={url} />
      ) : (
        <p className="refused">{t(REFUSED[url.reason], { shown: url.shown, scheme: url.scheme ?? '', host: url.host ?? '' })}</p>
      )}
      <p role="status" className="authorization-status">
        {t(statusKey(authorized, status))}
      </p>
    </section>
  );
}
