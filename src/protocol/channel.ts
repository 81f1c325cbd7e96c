// Channel ids name one checkout flow. They travel in the checkout URL, so they
// must be unguessable: 128 bits from the platform CSPRNG, hex-encoded.

export function createChannelId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (let i = 0; i < bytes.length; i++) id += (bytes[i]! + 0x100).toString(16).slice(1);
  return id;
}
