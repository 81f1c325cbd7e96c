// The baseline of the service benchmark: bare Fastify routes, in their own
// process like the sandbox (node --import tsx), with the same Fastify and the
// same logger level, answering the very bytes the sandbox answered for the
// route each stands beside (BARE_BODIES: a JSON file {token, payment}, the
// envelopes captured from the sandbox in the same run). No database, no
// authentication, no validation: what Fastify alone costs for that answer.
//
//   BARE_BODIES=/tmp/bodies.json BARE_LOG_LEVEL=warn node --import tsx bench/service/bare-server.ts
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(readFileSync(process.env.BARE_BODIES ?? '', 'utf8')) as { token: unknown; payment: unknown };
const app = Fastify({ logger: { level: process.env.BARE_LOG_LEVEL ?? 'warn' } });

app.post('/users/getToken', async () => bodies.token);
app.get('/payments/:imp_uid', async () => bodies.payment);

await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
console.log(`bare fastify listening on http://127.0.0.1:${port}`);

process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
