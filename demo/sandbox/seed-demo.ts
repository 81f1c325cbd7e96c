// Creates the demo merchant (demo-merchant.ts) when the database has no
// merchant at all. Never touches a database that has one.
import type { SandboxContext } from './context';
import { DEMO_MERCHANT } from './demo-merchant';
import { hashPassword } from './lib/passwords';
import { createMerchant } from './merchants/create-merchant';
import { writeTransaction } from './db/transactions';

export async function seedDemoMerchant(ctx: SandboxContext): Promise<boolean> {
  if (ctx.repos.merchants.count() > 0) return false;
  const passwordHash = await hashPassword(DEMO_MERCHANT.password);
  return writeTransaction(ctx.db, () => {
    if (ctx.repos.merchants.count() > 0) return false;
    const created = createMerchant(ctx, {
      name: DEMO_MERCHANT.name,
      email: DEMO_MERCHANT.email,
      passwordHash,
      merchantCode: DEMO_MERCHANT.merchantCode,
      apiKey: DEMO_MERCHANT.apiKey,
      apiSecret: DEMO_MERCHANT.apiSecret,
    });
    ctx.repos.tiers.insert(created.id, DEMO_MERCHANT.tier.code, DEMO_MERCHANT.tier.name, ctx.clock());
    return true;
  });
}
