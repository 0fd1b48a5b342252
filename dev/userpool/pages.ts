/** The pool's own hosted pages, shaped like the Volcano Engine hosted login: sign in, then "Allow access". */

import type { PageLanguage } from '../page-language.ts';

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

/**
 * Sign-in and consent pages are what clickjacking aims at: nobody may frame them (the real pool sends X-Frame-Options
 * on every page too). Set on every `/interaction/…` answer.
 */
export const PAGE_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const TEXT = {
  en: {
    pool: 'Local user pool',
    signIn: 'Sign in',
    continueTo: (client: string) => `to continue to ${client}`,
    username: 'Username',
    password: 'Password',
    hint: "Local user pool for development. Demo users are listed in the console's README.",
    wrongPassword: 'Incorrect username or password.',
    allowTitle: 'Allow access?',
    allow: 'Allow access',
    asksToAct: (client: string, user: string) => `${client} asks to act as <strong>${user}</strong>.`,
    deny: 'Deny',
    you: 'you',
    signingOut: 'Signing out…',
    noScript: 'JavaScript is off:',
    signOut: 'Sign out',
    signedOut: 'Signed out',
    signedOutText: 'You are signed out of the local user pool.',
    error: 'Sign-in error',
    expired: 'Sign-in expired',
    expiredText: 'This sign-in request is no longer valid. Go back to the app and sign in again.',
    denied: 'The user denied access.',
  },
  'zh-CN': {
    pool: '本地用户池',
    signIn: '登录',
    continueTo: (client: string) => `以继续使用 ${client}`,
    username: '用户名',
    password: '密码',
    hint: '用于开发的本地用户池。演示用户见控制台的 README。',
    wrongPassword: '用户名或密码错误。',
    allowTitle: '是否授权访问？',
    allow: '授权',
    asksToAct: (client: string, user: string) => `${client} 请求以 <strong>${user}</strong> 的身份进行操作。`,
    deny: '拒绝',
    you: '您',
    signingOut: '正在退出登录…',
    noScript: 'JavaScript 已关闭：',
    signOut: '退出登录',
    signedOut: '已退出登录',
    signedOutText: '您已退出本地用户池。',
    error: '登录出错',
    expired: '登录已过期',
    expiredText: '此登录请求已失效。请返回应用重新登录。',
    denied: '用户拒绝了访问。',
  },
} satisfies Record<PageLanguage, Record<string, string | ((...args: string[]) => string)>>;

export type PageText = (typeof TEXT)['en'];

export function pageText(language: PageLanguage): PageText {
  return TEXT[language];
}

function page(language: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function loginPage(options: {
  language: PageLanguage;
  action: string;
  clientName: string;
  error?: string;
  username?: string;
}): string {
  const text = TEXT[options.language];
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return page(
    options.language,
    `${text.signIn} · ${text.pool}`,
    `<h1>${text.signIn}</h1>
<p class="sub">${escapeHtml(text.continueTo(options.clientName))}</p>
${error}
<form method="post" action="${escapeHtml(options.action)}" autocomplete="off">
  <label for="username">${text.username}</label>
  <input id="username" name="username" type="text" required autofocus value="${escapeHtml(options.username ?? '')}">
  <label for="password">${text.password}</label>
  <input id="password" name="password" type="password" required>
  <button type="submit">${text.signIn}</button>
</form>
<p class="hint">${escapeHtml(text.hint)}</p>`,
  );
}

export function consentPage(options: {
  language: PageLanguage;
  action: string;
  abortAction: string;
  clientName: string;
  username: string;
  scopes: string[];
}): string {
  const text = TEXT[options.language];
  const scopes = options.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  return page(
    options.language,
    `${text.allow} · ${text.pool}`,
    `<h1>${text.allowTitle}</h1>
<p class="sub">${text.asksToAct(escapeHtml(options.clientName), escapeHtml(options.username))}</p>
<ul>${scopes}</ul>
<form method="post" action="${escapeHtml(options.action)}"><button type="submit">${text.allow}</button></form>
<form method="post" action="${escapeHtml(options.abortAction)}"><button type="submit" class="secondary">${text.deny}</button></form>`,
  );
}

export function messagePage(language: PageLanguage, title: string, message: string): string {
  return page(language, title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}

export function logoutPage(language: PageLanguage, form: string): string {
  const text = TEXT[language];
  // The RP asked with id_token_hint, so the pool signs out without a second question.
  const autoSubmit = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  return page(
    language,
    `${text.signingOut} · ${text.pool}`,
    `<h1>${text.signingOut}</h1>${autoSubmit}
<noscript><p>${text.noScript} <button form="op.logoutForm" type="submit">${text.signOut}</button></p></noscript>
<script>document.forms[0].submit()</script>`,
  );
}
