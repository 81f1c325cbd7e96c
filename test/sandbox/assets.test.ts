// Files the sandbox serves: the SDK at /v1/iamport.js (or a clear 503),
// page assets under /assets/, and the console page with its strict CSP.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../support/sandbox';
import { http } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'imp-assets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assets', () => {
  it('serves the built SDK with a JavaScript type and revalidation, or says how to build it', async () => {
    const missing = await startTestSandbox({ assets: { sdkDir: join(dir, 'nowhere') } });
    try {
      const result = await http(missing.url, 'GET', '/v1/iamport.js');
      expect(result.status).toBe(503);
      expect(result.text).toMatch(/npm run build/);
    } finally {
      await missing.close();
    }

    writeFileSync(join(dir, 'iamport.js'), 'window.IMP = {};\n');
    const present = await startTestSandbox({ assets: { sdkDir: dir } });
    try {
      const result = await http(present.url, 'GET', '/v1/iamport.js');
      expect(result.status).toBe(200);
      expect(result.text).toBe('window.IMP = {};\n');
      expect(result.headers.get('content-type')).toMatch(/javascript/);
      expect(result.headers.get('cache-control')).toBe('no-cache');
      const etag = result.headers.get('etag');
      expect(etag).toBeTruthy();
      // fetch itself adds "cache-control: no-cache" to conditional requests (Fetch spec), which forces a 200.
      const again = await http(present.url, 'GET', '/v1/iamport.js', { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
      expect(again.status).toBe(304);
    } finally {
      await present.close();
    }
  });

  it('serves the console page in Korean by default and English on request, under a strict CSP', async () => {
    const sandbox = await startTestSandbox();
    try {
      const korean = await http(sandbox.url, 'GET', '/console');
      expect(korean.status).toBe(200);
      expect(korean.text).toContain('<html lang="ko">');
      expect(korean.text).toContain('내 식별코드 · API Keys');
      expect(korean.text).not.toMatch(/<script(?![^>]*(src=|type="application\/json"))/);
      const csp = korean.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");

      const english = await http(sandbox.url, 'GET', '/console?lang=en');
      expect(english.text).toContain('<html lang="en">');
      expect(english.text).toContain('Merchant code · API Keys');
      const remembered = english.headers.getSetCookie().find((c) => c.startsWith('imp_console_lang=en'));
      expect(remembered).toBeDefined();
      const next = await http(sandbox.url, 'GET', '/console', { headers: { cookie: 'imp_console_lang=en' } });
      expect(next.text).toContain('<html lang="en">');

      const css = await http(sandbox.url, 'GET', '/assets/console.css');
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toMatch(/text\/css/);
      expect((await http(sandbox.url, 'GET', '/assets/../app.ts')).status).toBe(404);
      const root = await http(sandbox.url, 'GET', '/', { redirect: 'manual' });
      expect(root.headers.get('location')).toBe('/console');
    } finally {
      await sandbox.close();
    }
  });
});
