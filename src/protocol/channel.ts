// Channel ids name one checkout flow. They travel in the checkout URL, so they
// must be unguessable: 128 bits from the platform CSPRNG, hex-encoded.

export const createChannelId = (): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');
