import { readFileSync } from 'node:fs';
import {
  DEFAULT_CONSOLE_PORT,
  DEFAULT_USERPOOL_PORT,
  LOCAL_CLIENT_ID,
  LOCAL_PARTNER_CLIENT_ID,
  readList,
  readPort,
  readSeconds,
  TEN_HOURS_IN_SECONDS,
} from '../defaults.ts';
import { exposedHostWarning } from '../exposed-host.ts';
import { DEMO_USERS } from './accounts.ts';
import { createUserPool } from './create-user-pool.ts';
import { LOCAL_DELEGATE_CLIENT_ID } from './delegation.ts';
import { parseFaults } from './faults.ts';

export function userPoolOptionsFromEnv(env: NodeJS.ProcessEnv) {
  const consoleOrigins = readList(env.USERPOOL_CONSOLE_ORIGINS);
  return {
    host: env.USERPOOL_HOST || '127.0.0.1',
    port: readPort(env.USERPOOL_PORT, DEFAULT_USERPOOL_PORT, 'USERPOOL_PORT'),
    consoleOrigins: consoleOrigins.length ? consoleOrigins : [`http://127.0.0.1:${DEFAULT_CONSOLE_PORT}`],
    accessTokenTtl: readSeconds(env.USERPOOL_ACCESS_TOKEN_TTL, TEN_HOURS_IN_SECONDS, 'USERPOOL_ACCESS_TOKEN_TTL'),
    issueRefreshTokens: env.USERPOOL_REFRESH_TOKENS !== 'off',
    signingKey: env.USERPOOL_SIGNING_KEY_FILE ? JSON.parse(readFileSync(env.USERPOOL_SIGNING_KEY_FILE, 'utf8')) : undefined,
    faults: parseFaults(env.USERPOOL_FAULTS),
  };
}

export function describeDemoUsers(): string {
  return DEMO_USERS.map((user) => `  ${user.username} / ${user.password}  (${user.name})`).join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = userPoolOptionsFromEnv(process.env);
  const pool = await createUserPool(options);
  console.log(`Local user pool: ${pool.issuer}  (discovery: ${pool.issuer}/.well-known/openid-configuration)`);
  console.log(`Demo users:\n${describeDemoUsers()}`);
  console.log(
    `Clients: ${LOCAL_CLIENT_ID}, ${LOCAL_PARTNER_CLIENT_ID}, ${LOCAL_DELEGATE_CLIENT_ID} (its access tokens carry an act claim)`,
  );
  const exposed = exposedHostWarning(options.host, 'user pool');
  if (exposed) console.warn(`\n${exposed}\n`);
  const stop = () => pool.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
