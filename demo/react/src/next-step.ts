// What the developer trying this demo should do next, per error code
// (docs/errors.md has the whole catalogue).
const NEXT: Record<string, string> = {
  F0000: 'The buyer closed the window. Press the button again when ready.',
  CHECKOUT_TIMEOUT: 'The checkout window did not answer: is the sandbox running (npm start), and is VITE_IMP_SERVICE_URL right?',
  INVALID_SERVICE_URL: 'VITE_IMP_SERVICE_URL must be an http(s) origin without a path, e.g. http://localhost:4020.',
  INVALID_MERCHANT_CODE: 'VITE_IMP_MERCHANT_CODE must look like imp12345678: copy it from the console (내 식별코드).',
  F1004: 'The sandbox does not know this merchant code: copy yours from the console (내 식별코드).',
  F1009: "This page's origin is not in the merchant's allowed origins: add it in the console (허용 도메인).",
  POPUP_BLOCKED: 'The browser blocked the popup: call request_pay straight from the click handler.',
};

export function nextStep(code: string | undefined): string {
  return (code && NEXT[code]) ?? 'See docs/errors.md for this code.';
}
