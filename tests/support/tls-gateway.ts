import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';

// A throwaway certificate for "localhost", made once for these tests (openssl req -x509, P-256, 100 years).
// Its key guards nothing: it only lets a local gateway speak TLS that no system CA vouches for.
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBlTCCATugAwIBAgIUWgkQerzjRkPHpNgnv3O7YvmAunowCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTEyNDE0MloYDzIxMjYxMTA1
MTI0MTQyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAARUBbrv+7QLPi3nd7k4wf+V7I3xK2jiAhtByD+VxAQb4DhQqUUECSFR
8x95YxEUgTncQCGADVoaseOuKupHUUvTo2kwZzAdBgNVHQ4EFgQUwvjaqdlUz+nL
fCPNY/vBn8R6P0AwHwYDVR0jBBgwFoAUwvjaqdlUz+nLfCPNY/vBn8R6P0AwDwYD
VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglsb2NhbGhvc3QwCgYIKoZIzj0EAwID
SAAwRQIgE+iy0mrcojYMYN4qyWqioqBPsIWyhyPgtJwAb/J/ezUCIQD0XRSKOXks
rBxKYsomXMXIpHb3VSweYgIqG/zUvl71YQ==
-----END CERTIFICATE-----`;
const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDJFn6PJb4kHbZhVv
iPGWw9AVZuJ9xqXxk8VYzOJBl22hRANCAARUBbrv+7QLPi3nd7k4wf+V7I3xK2ji
AhtByD+VxAQb4DhQqUUECSFR8x95YxEUgTncQCGADVoaseOuKupHUUvT
-----END PRIVATE KEY-----`;

/** An https "agent gateway" on localhost whose certificate only the file this writes vouches for. */
export async function startTlsGateway(scratch: string): Promise<{ url: string; caFile: string; close: () => Promise<void> }> {
  const caFile = join(scratch, 'gateway-ca.pem');
  writeFileSync(caFile, CERTIFICATE);
  const server: Server = createServer({ cert: CERTIFICATE, key: PRIVATE_KEY }, (_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ status: 'pong!' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `https://localhost:${port}`, caFile, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
