/** node:http as a thin adapter around the request -> response core: it turns an IncomingMessage into a CoreRequest, writes the CoreResponse in one writeHead, enforces the socket-level limits, and logs every connection-level refusal (408, 431, 400) with a request id. */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App } from './app.ts';
import type { Clock } from '../base/clock.ts';
import type { CoreRequest } from '../http/core.ts';
import { readBody, type Limits } from '../http/limits.ts';
import type { AccessLog } from '../audit/log.ts';

export interface AdapterOptions {
  limits: Limits;
  log: AccessLog;
  clock: Clock;
  onError: (err: unknown) => void;
  /** True once shutdown began: every answer then says `connection: close`. */
  closing: () => boolean;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function toCore(req: IncomingMessage): CoreRequest {
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headers,
    remoteAddress: req.socket.remoteAddress ?? null,
    body: (max) => readBody(req, max),
  };
}

export function createNodeServer(app: App, o: AdapterOptions): Server {
  const { limits } = o;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const r = await app.handle(toCore(req));
      if (r.destroy) {
        res.destroy();
        return;
      }
      if (o.closing()) r.headers.connection = 'close';
      res.writeHead(r.status, r.headers);
      res.end(r.body ?? undefined);
    } catch (err) {
      // app.handle answers its own errors; this is a failure to write (e.g. the socket is gone).
      o.onError(err);
      if (!res.writableEnded) res.destroy();
    }
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      // Node checks header/request timeouts on this interval; keep it well under the timeouts themselves.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
      noDelay: true,
    },
    (req, res) => {
      void handle(req, res);
    },
  );
  server.timeout = limits.idleTimeoutMs;
  server.on('timeout', (socket) => socket.destroy());
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // A peer resetting its connection was not refused: nothing to answer or log.
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const requestId = randomUUID();
    // Refused before any handler saw a request: this line is the only trace, so it is always written.
    o.log.record(o.clock.now(), null, null, null, socket.writable ? status : 499, 0, requestId);
    if (!socket.writable) return socket.destroy();
    socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\nconnection: close\r\ncontent-length: 0\r\nx-request-id: ${requestId}\r\n\r\n`);
  });
  return server;
}
