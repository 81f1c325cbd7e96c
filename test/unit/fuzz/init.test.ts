// IMP.init under any input (issue 6): any merchant code, then a request that
// must fail clearly (INVALID_MERCHANT_CODE, logged) or proceed with that code.
import { it, vi } from 'vitest';
import { checkStillUsable, fuzz } from './runner';
import { PROPERTY_TIMEOUT_MS, usePage } from './setup';
import { runSetup, setupInput } from './setup-run';

vi.mock('../../../src/ui/overlay', async () => ({ openOverlay: (await import('./windows')).openFakeOverlay }));

const ctx = usePage();

it('init: never throws; the next request fails with the documented code or carries the code given', async () => {
  await fuzz('init', ctx.page, setupInput('init'), runSetup);
  await checkStillUsable(ctx.page);
}, PROPERTY_TIMEOUT_MS);
