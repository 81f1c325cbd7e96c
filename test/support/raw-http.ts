// A plain node:http client for tests that must send what fetch refuses or
// rewrites: raw paths (fetch normalises "../" and re-encodes), any method
// with any body and content type, and duplicate or odd headers. Keep-alive,
// so thousands of requests stay cheap.
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent byte for byte as the request target (no normalisation). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export class RawHttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  constructor(private readonly baseUrl: string) {}

  send(req: RawRequest): Promise<RawResponse> {
    const { hostname, port } = new URL(this.baseUrl);
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string | number> = { ...req.headers };
    if (body !== undefined) headers['content-length'] = body.length;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: hostname, port: Number(port), method: req.method, path: req.path, headers, agent: this.agent },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
