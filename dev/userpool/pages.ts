/** The pool's own hosted pages, shaped like the Volcano Engine hosted login: sign in, then "Allow access". */

// One set of colours per theme: the page follows the browser's light or dark preference, like the console.
const STYLE = `
  :root { color-scheme: light dark; --bg: light-dark(#f3f5f9, #10141b); --panel: light-dark(#fff, #1a202b);
          --text: light-dark(#1d2433, #e4e8f0); --muted: light-dark(#5a6478, #a3adbf); --line: light-dark(#c5cbd8, #465065);
          --accent: light-dark(#2952cc, #8fb0ff); --on-accent: light-dark(#fff, #0d1320);
          --danger: light-dark(#9b1c1c, #ffb4b4); --danger-soft: light-dark(#fdecec, #3a1d20); --focus: light-dark(#2952cc, #8fb0ff); }
  body { font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--text); margin: 0; }
  main { max-width: 380px; margin: 8vh auto; background: var(--panel); border-radius: 12px; padding: 28px 32px;
         box-shadow: 0 6px 24px rgba(20, 30, 60, .08); }
  h1 { font-size: 1.35rem; margin: 0 0 4px; }
  p.sub { color: var(--muted); margin: 0 0 20px; }
  label { display: block; font-weight: 600; margin: 14px 0 4px; }
  input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 9px 11px;
         border: 1px solid var(--line); border-radius: 8px; font: inherit; background: var(--panel); color: var(--text); }
  button { margin-top: 20px; padding: 9px 16px; border-radius: 8px; border: 1px solid var(--accent);
           background: var(--accent); color: var(--on-accent); font: inherit; cursor: pointer; }
  button.secondary { background: var(--panel); color: var(--accent); }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  .error { background: var(--danger-soft); color: var(--danger); border-radius: 8px; padding: 8px 12px; margin: 12px 0 0; }
  ul { padding-left: 20px; }
  .hint { color: var(--muted); font-size: .85rem; margin-top: 20px; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function loginPage(options: { action: string; clientName: string; error?: string; username?: string }): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return page(
    'Sign in · Local user pool',
    `<h1>Sign in</h1>
<p class="sub">to continue to ${escapeHtml(options.clientName)}</p>
${error}
<form method="post" action="${escapeHtml(options.action)}" autocomplete="off">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" required autofocus value="${escapeHtml(options.username ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required>
  <button type="submit">Sign in</button>
</form>
<p class="hint">Local user pool for development. Demo users are listed in the console's README.</p>`,
  );
}

export function consentPage(options: {
  action: string;
  abortAction: string;
  clientName: string;
  username: string;
  scopes: string[];
}): string {
  const scopes = options.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  return page(
    'Allow access · Local user pool',
    `<h1>Allow access?</h1>
<p class="sub">${escapeHtml(options.clientName)} asks to act as <strong>${escapeHtml(options.username)}</strong>.</p>
<ul>${scopes}</ul>
<form method="post" action="${escapeHtml(options.action)}"><button type="submit">Allow access</button></form>
<form method="post" action="${escapeHtml(options.abortAction)}"><button type="submit" class="secondary">Deny</button></form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}

export function logoutPage(form: string): string {
  // The RP asked with id_token_hint, so the pool signs out without a second question.
  const autoSubmit = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  return page(
    'Signing out · Local user pool',
    `<h1>Signing out…</h1>${autoSubmit}
<noscript><p>JavaScript is off: <button form="op.logoutForm" type="submit">Sign out</button></p></noscript>
<script>document.forms[0].submit()</script>`,
  );
}
