import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

/**
 * Hand-created companies of the demo that duplicate a demo company, as consultants make them: the name typed
 * without the legal form or with a typo, no CVR number, at the same address or with the same phone or e-mail.
 */
const duplicates: { of: string; name: string; same: ('address' | 'phone' | 'email')[] }[] = [
  { of: 'Fredericia Maskinfabrik A/S', name: 'Fredericia Maskinfabrik', same: ['address', 'phone'] },
  { of: 'Vejle Plast ApS', name: 'Vejle Plastik', same: ['email'] },
  { of: 'Østergaard Metal A/S', name: 'Østergård Metal', same: ['address'] },
];

export interface DemoDuplicate { id: string; name: string; municipality_code: number | null }

/** Inserts the demo duplicates whose original exists (once: again it only returns them). */
export async function seedDemoDuplicates(db: Db): Promise<DemoDuplicate[]> {
  const out: DemoDuplicate[] = [];
  for (const d of duplicates) {
    const [existing] = await queryRows<DemoDuplicate>(db, sql`
      select id, name, municipality_code from companies where name = ${d.name} and source = 'manual' and is_demo`);
    if (existing) {
      out.push(existing);
      continue;
    }
    const [original] = await queryRows<{ street: string | null; postal_code: string | null; city: string | null; municipality_code: number | null; phone: string | null; email: string | null }>(db, sql`
      select street, postal_code, city, municipality_code, phone, email from companies where name = ${d.of} and is_demo limit 1`);
    if (!original) continue;
    // A phone typed by hand: spaced and with the country code, still the same number.
    const phone = d.same.includes('phone') && original.phone ? `+45 ${original.phone.replace(/(\d{2})(?=\d)/g, '$1 ')}` : null;
    const [row] = await queryRows<DemoDuplicate>(db, sql`
      insert into companies (name, status, street, postal_code, city, municipality_code, phone, email, source, is_demo)
      values (${d.name}, 'formation', ${d.same.includes('address') ? original.street : null}, ${original.postal_code}, ${original.city},
        ${original.municipality_code}, ${phone}, ${d.same.includes('email') ? original.email : null}, 'manual', true)
      returning id, name, municipality_code`);
    out.push(row);
  }
  return out;
}
