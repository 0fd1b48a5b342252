/**
 * What only nginx needs proving beyond tests/e2e/deploy-hosts.test.ts: it checks the certificate of an https agent
 * gateway (nginx does not by default). The site file is the one `npm run deploy -- nginx` writes (dev/deploy).
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../dev/deploy/example.ts';
import { nginxMainConf, nginxScratchDirs, nginxSite, SYSTEM_CA_FILE } from '../../dev/deploy/hosts/nginx.ts';
import { ensureNginx } from '../support/nginx.ts';
import { freePort, run, type Spawned, waitForUrl } from '../support/processes.ts';
import { startTlsGateway } from '../support/tls-gateway.ts';

/** The generated site for a local port, forwarding /agent to `target`, run by its own nginx. */
async function serveSite(target: string, trustedCa?: string): Promise<{ url: string; nginx: Spawned }> {
  const scratch = mkdtempSync(join(tmpdir(), 'agent-console-nginx-tls-'));
  chmodSync(scratch, 0o755);
  const port = await freePort();
  let site = nginxSite(examplePlan('nginx', { serve: true, port, root: scratch, agent: { path: '/agent', target } }));
  if (trustedCa) site = site.replace(`proxy_ssl_trusted_certificate ${SYSTEM_CA_FILE};`, `proxy_ssl_trusted_certificate ${trustedCa};`);
  writeFileSync(join(scratch, 'site.conf'), site);
  for (const dir of nginxScratchDirs(scratch)) mkdirSync(dir, { recursive: true });
  writeFileSync(join(scratch, 'nginx.conf'), nginxMainConf([join(scratch, 'site.conf')], scratch));
  const nginx = run(ensureNginx(), ['-e', 'stderr', '-c', join(scratch, 'nginx.conf')], process.env);
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/`, nginx);
  return { url, nginx };
}

describe('the nginx site of npm run deploy', () => {
  it('verifies the TLS certificate of the agent gateway it forwards bearer tokens to', async () => {
    const gateway = await startTlsGateway(mkdtempSync(join(tmpdir(), 'agent-console-gateway-')));
    const site = nginxSite(examplePlan('nginx', { agent: { path: '/agent', target: gateway.url } }));
    expect(site).toContain('proxy_ssl_verify on;');
    expect(site).toContain(`proxy_ssl_trusted_certificate ${SYSTEM_CA_FILE};`);
    // As written, in front of an https gateway whose certificate no system CA vouches for, it refuses to forward;
    // trusting that gateway's CA (a private CA, say) lets the same call through.
    const [asWritten, trusting] = [await serveSite(gateway.url), await serveSite(gateway.url, gateway.caFile)];
    try {
      const refused = await fetch(`${asWritten.url}/agent/invoke`, { method: 'POST' });
      expect(refused.status).toBe(502);
      const trusted = await fetch(`${trusting.url}/agent/invoke`, { method: 'POST' });
      expect(trusted.status).toBe(200);
      expect(await trusted.json()).toEqual({ status: 'pong!' });
    } finally {
      await asWritten.nginx.stop();
      await trusting.nginx.stop();
      await gateway.close();
    }
  });
});
