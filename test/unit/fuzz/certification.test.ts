// IMP.certification under any input (issue 6): 10,000 generated inputs with a
// fixed seed; see README.md in this folder for what is generated and checked.
import { it, vi } from 'vitest';
import { requestInput, runRequest } from './request-run';
import { checkStillUsable, fuzz } from './runner';
import { PROPERTY_TIMEOUT_MS, usePage } from './setup';

// The window step is faked (windows.ts says why); real-overlay.test.ts covers the real one.
vi.mock('../../../src/ui/overlay', async () => ({ openOverlay: (await import('./windows')).openFakeOverlay }));

const ctx = usePage();

it('certification: never throws, settles once with a plain V1 response, leaves the page and built-ins as they were', async () => {
  await fuzz('certification', ctx.page, requestInput('certification'), runRequest);
  await checkStillUsable(ctx.page);
}, PROPERTY_TIMEOUT_MS);
