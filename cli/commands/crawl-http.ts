/**
 * The CLI's fetch for lib/crawl: node:http(s) with keep-alive, never following redirects itself (the
 * crawler checks every hop), and curl's --connect-to: a request for HOST:PORT is sent to ADDR:PORT
 * while the URL, the Host header and the index keep the archive's real name.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { FetchLike } from '../../lib/crawl';

export interface ConnectTo {
  /** Empty: any host. */
  host: string;
  /** null: any port. */
  port: number | null;
  addr: string;
  addrPort: number | null;
}

const PORT = /^\d{1,5}$/;

/** Parses curl's HOST1:PORT1:HOST2:PORT2 (IPv6 in brackets); null when malformed. */
export function parseConnectTo(value: string): ConnectTo | null {
  const m = /^(\[[^\]]*\]|[^:[\]]*):(\d*):(\[[^\]]*\]|[^:[\]]*):(\d*)$/.exec(value.trim());
  if (!m) return null;
  const [, host = '', port = '', addr = '', addrPort = ''] = m;
  if ((port && !PORT.test(port)) || (addrPort && !PORT.test(addrPort))) return null;
  const unbracket = (h: string) => h.replace(/^\[(.*)\]$/, '$1');
  return {
    host: unbracket(host).toLowerCase(),
    port: port ? Number(port) : null,
    addr: unbracket(addr),
    addrPort: addrPort ? Number(addrPort) : null,
  };
}

const USER_AGENT = 'sv-companion/0.1 (SecurityVibes Companion index builder; polite crawler)';
const NULL_BODY = new Set([101, 204, 205, 304]);

export function nodeFetch(connectTo: readonly ConnectTo[] = []): FetchLike & { close(): void } {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 8 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 8 }) };
  const fetchFn = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const port = Number(target.port || (secure ? 443 : 80));
      const rule = connectTo.find((r) => (r.host === '' || r.host === target.hostname.toLowerCase()) && (r.port === null || r.port === port));
      const request = secure ? httpsRequest : httpRequest;
      const req = request({
        host: rule?.addr || target.hostname,
        port: rule?.addrPort ?? port,
        servername: secure ? target.hostname : undefined,
        method: 'GET',
        path: `${target.pathname}${target.search}`,
        headers: { ...init.headers, host: target.host, 'user-agent': USER_AGENT, 'accept-encoding': 'identity' },
        agent: secure ? agents.https : agents.http,
        signal: init.signal,
      });
      req.on('response', (res: IncomingMessage) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) headers.append(name, v);
          else if (value !== undefined) headers.set(name, value);
        }
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 599 || NULL_BODY.has(status)) {
          res.resume();
          if (status < 200 || status > 599) return reject(new Error(`unexpected HTTP status ${status}`));
          return resolve(new Response(null, { status, headers }));
        }
        const body = Readable.toWeb(res) as ReadableStream<Uint8Array>;
        resolve(new Response(body, { status, headers }));
      });
      req.on('error', reject);
      req.end();
    });
  return Object.assign(fetchFn, {
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  });
}
