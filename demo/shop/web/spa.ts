// The ESM product page (GET /spa): an SPA-style module that imports the
// package (`imp-checkout`, mapped by the page's import map to the built
// dist/index.mjs the shop serves at /vendor/imp-checkout.mjs). Without a
// script tag there is no service to infer, so IMP.configure names it.
import IMP from 'imp-checkout';
import { mountCheckout } from './checkout-form';

const settings = document.getElementById('checkout')?.dataset;
if (settings?.sandboxUrl) IMP.configure({ serviceUrl: settings.sandboxUrl });
if (settings?.merchantCode) IMP.init(settings.merchantCode);

mountCheckout({
  problem: () => null,
  pay(merchantCode, tierCode, params) {
    if (tierCode) IMP.agency(merchantCode, tierCode);
    else IMP.init(merchantCode);
    // The promise resolves with the same object a callback would get; it never rejects for an outcome.
    return IMP.request_pay(params);
  },
});
