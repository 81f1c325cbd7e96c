// Page script of the checkout window (/checkout/window), built to
// /assets/checkout.js. The modules in ./checkout/ do the work.
import { startCheckoutPage } from './checkout/app';

startCheckoutPage();
