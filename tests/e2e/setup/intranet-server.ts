import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file an intranet server answers with. */
export interface Served {
  type: string;
  body: Buffer | string;
}

/** A stand-in for a city's intranet tile or style server, on a port of its own. */
export interface IntranetServer {
  /** `http://127.0.0.1:<port>`: an origin other than the app's. */
  origin: string;
  /** The path and query of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 (a free port) that answers each path with what
 * `answer(path, origin)` returns (404 when nothing), with CORS open as a tile server's is.
 */
export async function startIntranetServer(answer: (path: string, origin: string) => Served | undefined): Promise<IntranetServer> {
  const requests: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const served = answer(path, origin);
    if (!served) return void res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    res.writeHead(200, { 'content-type': served.type, 'access-control-allow-origin': '*' }).end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
