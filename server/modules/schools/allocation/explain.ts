import type { AssignmentReasons, Message } from './types';
import { distanceKm, missingThemeShare, themeKey, weekAllowed, weekCost, type World } from './world';

const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** 12.44 → "12,4" (Danish decimal comma). */
export const formatKm = (km: number): string => oneDecimal.format(km);

const message = (code: string, params: Message['params'], text: string): Message => ({ code, params, text });

/** Reasons for class `ci` at host `hi` in `week`: the facts, their weighted cost and Danish sentences. */
export function explainAssignment(world: World, ci: number, hi: number, week: number, locked: boolean): AssignmentReasons {
  const c = world.classes[ci];
  const h = world.hosts[hi];
  const w = world.weights;
  const km = distanceKm(world, ci, hi);
  const precision = c.precision === 'address' && h.precision === 'address' ? 'address' : 'postal_code';
  const hostThemes = world.hostThemes[hi];
  const sharedThemes = c.themes.filter((t) => hostThemes.has(themeKey(t)));
  const missingThemes = c.themes.filter((t) => !hostThemes.has(themeKey(t)));
  const preferred = world.preferred[ci];
  const preferredWeek = preferred === null ? null : preferred.has(week);
  const suitableWeek = weekAllowed(world, ci, week);
  const sameMunicipality = c.municipalityCode === h.municipalityCode;
  const cost = {
    distance: w.perKm * km,
    themes: w.themeMismatch * missingThemeShare(world, ci, hi),
    week: weekCost(world, ci, week),
    municipality: sameMunicipality ? 0 : w.outsideMunicipality,
    total: 0,
  };
  cost.total = cost.distance + cost.themes + cost.week + cost.municipality;

  const kmText = formatKm(km);
  const items: Message[] = [
    message('distance', { km: Math.round(km * 10) / 10, precision },
      precision === 'address' ? `${kmText} km fra skolen` : `ca. ${kmText} km fra skolen`),
  ];
  if (sharedThemes.length > 0) items.push(message('themes_shared', { themes: sharedThemes.join(', ') }, `temaer: ${sharedThemes.join(', ')}`));
  if (missingThemes.length > 0) items.push(message('themes_missing', { themes: missingThemes.join(', ') }, `mangler tema: ${missingThemes.join(', ')}`));
  if (c.themes.length === 0) items.push(message('themes_none', {}, 'klassen har ingen temaønsker'));
  if (!suitableWeek) items.push(message('week_outside', { week }, `uge ${week} er uden for klassens uger (fastlåst)`));
  else if (preferredWeek === true) items.push(message('week_preferred', { week }, `uge ${week} passer klassen (ønskeuge)`));
  else if (preferredWeek === false) items.push(message('week_not_preferred', { week }, `uge ${week} passer klassen, men er ikke en ønskeuge`));
  else items.push(message('week_suitable', { week }, `uge ${week} passer klassen`));
  items.push(sameMunicipality
    ? message('same_municipality', { municipalityCode: c.municipalityCode }, 'i klassens egen kommune')
    : message('outside_municipality', { municipalityCode: c.municipalityCode, hostMunicipalityCode: h.municipalityCode }, 'uden for kommunen'));
  if (locked) items.push(message('locked', {}, 'fastlåst af koordinatoren'));

  return {
    distanceKm: Math.round(km * 10) / 10,
    precision,
    sharedThemes,
    missingThemes,
    preferredWeek,
    suitableWeek,
    sameMunicipality,
    cost,
    items,
    summary: items.map((i) => i.text).join(' · '),
  };
}
