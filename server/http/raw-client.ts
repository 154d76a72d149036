// Test and benchmark support: HTTP/1.1 spoken by hand on a raw socket, for what no HTTP client sends
// (stalled and trickled bodies, broken request lines) and to see how the server ends the connection.
import { connect } from 'node:net';

export interface RawReply {
  /** 0 when no response arrived. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the connection ended: the server closed it, reset it, or it was still open at the timeout. */
  ended: 'closed' | 'reset' | 'open';
  /** From connect to the first byte of the response (NaN without one), and to the end. */
  firstByteMs: number;
  ms: number;
}

/** A step is bytes to send or a pause in milliseconds. */
export type Step = string | Buffer | number;

export function rawExchange(url: string, steps: readonly Step[], timeoutMs = 5_000): Promise<RawReply> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let firstByteMs = NaN;
    let done = false;
    const finish = (ended: RawReply['ended']) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parse(Buffer.concat(chunks)), ended, firstByteMs, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish('open'), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
      chunks.push(chunk);
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('error', () => finish('reset'));
    socket.once('connect', async () => {
      for (const step of steps) {
        if (done) return;
        if (typeof step === 'number') await new Promise((r) => setTimeout(r, step));
        else socket.write(step);
      }
    });
  });
}

function parse(bytes: Buffer): Pick<RawReply, 'status' | 'headers' | 'body'> {
  const split = bytes.indexOf('\r\n\r\n');
  if (split < 0) return { status: 0, headers: {}, body: '' };
  const [statusLine = '', ...lines] = bytes.subarray(0, split).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = bytes.subarray(split + 4);
  const length = Number(headers['content-length']);
  if (Number.isInteger(length)) body = body.subarray(0, length);
  else if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: body.toString('utf8') };
}

function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let rest = bytes;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.subarray(0, eol).toString('latin1'), 16);
    if (eol < 0 || !(size > 0)) return Buffer.concat(parts);
    parts.push(rest.subarray(eol + 2, eol + 2 + size));
    rest = rest.subarray(eol + 4 + size);
  }
}

/** A POST with a JSON body, as bytes, asking the server to close the connection after it. */
export function postBytes(path: string, body: string): string {
  return `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
