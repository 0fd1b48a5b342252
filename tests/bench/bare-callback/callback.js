// The floor of a browser sign-in callback: the code exchange with fetch and nothing else.
// The bench prepares the PKCE verifier and the token endpoint (window.__benchExchange).
const settings = window.__benchExchange;
const code = new URLSearchParams(window.location.search).get('code');
const status = document.getElementById('status');
const response = await fetch(settings.tokenEndpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    code: code ?? '',
    code_verifier: settings.verifier,
  }),
});
const tokens = await response.json();
performance.mark('bench:tokens');
status.textContent = tokens.access_token ? 'tokens received' : `no tokens: ${response.status}`;
console.debug('bench:tokens'); // what the bench waits for (see callback-bench.ts)
