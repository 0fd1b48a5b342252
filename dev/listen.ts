import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** The port bound (the one asked for, or the system's choice for 0). */
  port: number;
  /** A URL a client on this machine reaches it at (127.0.0.1 when bound to every interface). */
  localUrl: string;
  /** Stops listening and drops open connections (streams, keep-alive) so tests and Ctrl-C end at once. */
  close(): Promise<void>;
}

/** Listens on `host:port`; rejects when the port is taken. */
export async function listen(server: Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    localUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
