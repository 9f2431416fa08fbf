import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** The municipality the mass companies are placed in (København: the demo data uses Trekantområdet only). */
export const massMunicipality = 101;

/**
 * Inserts `count` plausible companies in one set-based statement (generate_series), for export tests,
 * browser journeys and benchmarks that need a large register quickly. Names draw on a small vocabulary
 * (Danish letters included) so the name-word dictionary stays small; every row has numbers and text.
 */
export async function seedMassCompanies(db: Db, count: number): Promise<void> {
  await db.execute(sql`
    insert into companies (name, status, street, postal_code, city, municipality_code, industry_code, industry_section,
      industry_text, employee_band, employees, advertising_protected, source)
    select
      (array['Alfa','Beta','Gamma','Delta','Ærø','Øster','Åby','Nord','Syd','Vest'])[g % 10 + 1] || ' '
        || (array['Stål','Plast','Metal','Træ','Maskin','Automation','Emballage','Møbel','Fødevare','Teknik'])[(g / 10) % 10 + 1]
        || ' ' || (g % 997) || ' ApS',
      case when g % 53 = 0 then 'ceased' else 'active' end,
      'Massevej ' || (g % 300 + 1), '1000', 'København K', ${massMunicipality}, '251100', 'C',
      'Fremstilling af metalkonstruktioner og dele heraf', 'ANTAL_10_19', g % 19 + 1, g % 7 = 0, 'manual'
    from generate_series(1, ${count}::int) g`);
  // As the CVR import does: fresh statistics, so the planner walks the Danish-order index (PGlite has no autovacuum).
  await db.execute(sql`analyze companies`);
}
