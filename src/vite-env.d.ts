/// <reference types="vite/client" />

/** The public configuration picked from the environment at build time (see dev/console-env.ts). */
declare const __BUILD_CONFIG__: Record<string, string>;
