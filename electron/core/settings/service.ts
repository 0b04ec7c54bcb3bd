import type { CompanySettings } from '#shared/contract/settings';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';

const DEFAULTS: CompanySettings = {
  name: '',
  taxId: null,
  address: null,
  logo: null,
  country: 'PE',
  defaultCurrency: 'PEN',
  locale: 'es-PE',
  updatedAt: null,
};

export async function getSettings(ctx: Ctx): Promise<CompanySettings> {
  const row = await ctx.db.selectFrom('companySettings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { ...DEFAULTS };
  return {
    name: row.name,
    taxId: row.taxId,
    address: row.address,
    logo: row.logo,
    country: row.country,
    defaultCurrency: row.defaultCurrency,
    locale: row.locale,
    updatedAt: row.updatedAt,
  };
}

export async function updateSettings(ctx: Ctx, patch: Partial<Omit<CompanySettings, 'updatedAt'>>): Promise<CompanySettings> {
  const before = await getSettings(ctx);
  const next = { ...before, ...patch, updatedAt: nowIso(ctx) };
  const { updatedAt, ...values } = next;
  await ctx.db
    .insertInto('companySettings')
    .values({ id: 1, ...values, updatedAt })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, updatedAt }))
    .execute();
  await audit(ctx, { entity: 'settings', entityId: 1, action: 'update', before, after: next });
  return next;
}
