// IMP.agency under any input (issue 6): any merchant and tier codes, then a request that
// must fail clearly (INVALID_MERCHANT_CODE or INVALID_TIER_CODE, logged) or proceed with those codes.
import { it, vi } from 'vitest';
import { checkStillUsable, fuzz } from './runner';
import { PROPERTY_TIMEOUT_MS, usePage } from './setup';
import { runSetup, setupInput } from './setup-run';

vi.mock('../../../src/ui/overlay', async () => ({ openOverlay: (await import('./windows')).openFakeOverlay }));

const ctx = usePage();

it('agency: never throws; the next request fails with the documented code or carries the codes given', async () => {
  await fuzz('agency', ctx.page, setupInput('agency'), runSetup);
  await checkStillUsable(ctx.page);
}, PROPERTY_TIMEOUT_MS);
