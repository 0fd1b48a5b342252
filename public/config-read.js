// Reads config.json while the console's scripts still download and compile: the app (and the sign-in
// callback's code exchange) starts from it, and a read begun by the bundle would wait for the whole bundle.
// main.tsx takes this read over, or reads config.json itself when this script did not run. Public settings only.
(() => {
  const script = document.currentScript;
  const url = new URL('config.json', script?.src || window.location.href);
  const read = fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } }).then(async (response) => ({
    status: response.status,
    contentType: response.headers.get('content-type') || '',
    text: response.ok ? await response.text() : '',
  }));
  read.catch(() => {}); // the console reports a failed read when it takes it over
  window.__agentConsoleConfigRead = read;
})();
