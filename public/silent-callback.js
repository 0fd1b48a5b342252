// The message shape oidc-client-ts's iframe navigator waits for; only the console's own origin receives it.
window.parent.postMessage({ source: 'oidc-client', url: window.location.href, keepOpen: false }, window.location.origin);
