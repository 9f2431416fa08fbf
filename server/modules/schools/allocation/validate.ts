import type { AllocationInput, AllocationOptions, AllocationWeights, HostOffer, Problem } from './types';

type Ref = Problem['ref'];
const error = (code: string, text: string, params: Problem['params'], ref?: Ref): Problem =>
  ({ code, text, params, severity: 'error', ...(ref ? { ref } : {}) });

const isWeek = (w: number): boolean => Number.isInteger(w) && w >= 1 && w <= 53;
const isPositiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;
const validLocation = (lat: number, lon: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** "Jensen Stål (tilbud h17)": how an offer is named in messages. */
export const hostName = (h: HostOffer): string => `${h.companyName} (tilbud ${h.id})`;

function duplicates(kind: string, noun: string, ids: string[], problems: Problem[]): void {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const id of ids) {
    if (seen.has(id) && !reported.has(id)) {
      reported.add(id);
      problems.push(error(`${kind}.duplicate_id`, `${noun} med id "${id}" findes mere end én gang.`, { id }));
    }
    seen.add(id);
  }
}

function validateEntities(input: AllocationInput, problems: Problem[]): void {
  duplicates('class', 'Klassen', input.classes.map((c) => c.id), problems);
  duplicates('host', 'Værtstilbuddet', input.hosts.map((h) => h.id), problems);
  duplicates('tutor', 'Tutoren', (input.tutors ?? []).map((t) => t.id), problems);
  for (const c of input.classes) {
    const ref = { classId: c.id };
    if (!Number.isFinite(c.pupils) || c.pupils <= 0) {
      problems.push(error('class.no_pupils', `Klasse ${c.label} har ${Number.isFinite(c.pupils) ? c.pupils : 'intet'} elever; en klasse skal have mindst 1 elev.`, { label: c.label, pupils: c.pupils }, ref));
    } else if (!Number.isInteger(c.pupils)) {
      problems.push(error('class.invalid_pupils', `Klasse ${c.label}: antal elever skal være et helt tal (fik ${c.pupils}).`, { label: c.label, pupils: c.pupils }, ref));
    }
    if (!validLocation(c.lat, c.lon)) problems.push(error('class.invalid_location', `Klasse ${c.label} mangler en gyldig placering (breddegrad/længdegrad).`, { label: c.label }, ref));
    const bad = [...c.suitableWeeks, ...(c.preferredWeeks ?? [])].filter((w) => !isWeek(w));
    if (bad.length > 0) problems.push(error('class.invalid_week', `Klasse ${c.label} har ugyldige ugenumre: ${bad.join(', ')} (skal være 1–53).`, { label: c.label, weeks: bad.join(', ') }, ref));
  }
  for (const h of input.hosts) {
    const ref = { hostOfferId: h.id, companyId: h.companyId };
    const name = hostName(h);
    if (h.weeks.length === 0) problems.push(error('host.no_weeks', `${name} tilbyder ingen uger.`, { host: name }, ref));
    const bad = h.weeks.filter((w) => !isWeek(w));
    if (bad.length > 0) problems.push(error('host.invalid_week', `${name} har ugyldige ugenumre: ${bad.join(', ')} (skal være 1–53).`, { host: name, weeks: bad.join(', ') }, ref));
    if (!isPositiveInt(h.classesPerWeek)) problems.push(error('host.no_capacity', `${name} skal tage mindst 1 klasse om ugen (fik ${h.classesPerWeek}).`, { host: name, classesPerWeek: h.classesPerWeek }, ref));
    if (!isPositiveInt(h.maxPupils)) problems.push(error('host.no_pupils', `${name} skal kunne tage mindst 1 elev (fik ${h.maxPupils}).`, { host: name, maxPupils: h.maxPupils }, ref));
    if (!validLocation(h.lat, h.lon)) problems.push(error('host.invalid_location', `${name} mangler en gyldig adresse (breddegrad/længdegrad).`, { host: name }, ref));
  }
  for (const t of input.tutors ?? []) {
    const ref = { tutorId: t.id };
    if (t.weeks.length === 0 || t.weeks.some((w) => !isWeek(w))) problems.push(error('tutor.no_weeks', `Tutor ${t.label} har ingen gyldige uger.`, { label: t.label }, ref));
    if (!isPositiveInt(t.maxClasses) || (t.maxClassesPerWeek !== undefined && !isPositiveInt(t.maxClassesPerWeek))) {
      problems.push(error('tutor.no_capacity', `Tutor ${t.label} skal kunne tage mindst 1 klasse.`, { label: t.label }, ref));
    }
    if (!validLocation(t.lat, t.lon)) problems.push(error('tutor.invalid_location', `Tutor ${t.label} mangler en gyldig placering.`, { label: t.label }, ref));
  }
}

function validateLocksAndForbids(input: AllocationInput, problems: Problem[]): void {
  const classes = new Map(input.classes.map((c) => [c.id, c]));
  const hosts = new Map(input.hosts.map((h) => [h.id, h]));
  const companies = new Set(input.hosts.map((h) => h.companyId));
  const forbidden = new Set<string>();
  for (const f of input.forbidden ?? []) {
    const target = 'hostOfferId' in f ? f.hostOfferId : f.companyId;
    if (!classes.has(f.classId)) problems.push(error('forbidden.unknown_class', `Et forbud nævner klassen "${f.classId}", som ikke findes.`, { classId: f.classId }, { classId: f.classId }));
    if ('hostOfferId' in f && !hosts.has(f.hostOfferId)) problems.push(error('forbidden.unknown_host', `Et forbud nævner værtstilbuddet "${f.hostOfferId}", som ikke findes.`, { hostOfferId: f.hostOfferId }, { hostOfferId: f.hostOfferId }));
    if ('companyId' in f && !companies.has(f.companyId)) problems.push(error('forbidden.unknown_company', `Et forbud nævner virksomheden "${f.companyId}", som ikke har nogen værtstilbud.`, { companyId: f.companyId }, { companyId: f.companyId }));
    forbidden.add(`${f.classId}\u0000${target}`);
  }
  const lockedClasses = new Set<string>();
  const used = new Map<string, number>();
  for (const lock of input.locks ?? []) {
    const c = classes.get(lock.classId);
    const h = hosts.get(lock.hostOfferId);
    const ref = { classId: lock.classId, hostOfferId: lock.hostOfferId, week: lock.week };
    if (!c) problems.push(error('lock.unknown_class', `En fastlåsning nævner klassen "${lock.classId}", som ikke findes.`, { classId: lock.classId }, ref));
    if (!h) problems.push(error('lock.unknown_host', `En fastlåsning nævner værtstilbuddet "${lock.hostOfferId}", som ikke findes.`, { hostOfferId: lock.hostOfferId }, ref));
    if (!c || !h) continue;
    const params = { label: c.label, host: hostName(h), week: lock.week };
    if (lockedClasses.has(c.id)) problems.push(error('lock.duplicate_class', `Klasse ${c.label} er fastlåst mere end én gang.`, params, ref));
    lockedClasses.add(c.id);
    if (!h.weeks.includes(lock.week)) {
      problems.push(error('lock.week_not_offered', `Klasse ${c.label} er fastlåst til ${hostName(h)} i uge ${lock.week}, men tilbuddet har ikke uge ${lock.week}.`, params, ref));
      continue;
    }
    if (c.pupils > h.maxPupils) problems.push(error('lock.too_many_pupils', `Klasse ${c.label} (${c.pupils} elever) er fastlåst til ${hostName(h)}, som højst tager ${h.maxPupils} elever.`, { ...params, pupils: c.pupils, maxPupils: h.maxPupils }, ref));
    if (forbidden.has(`${c.id}\u0000${h.id}`) || forbidden.has(`${c.id}\u0000${h.companyId}`)) {
      problems.push(error('lock.forbidden', `Klasse ${c.label} er både fastlåst til og udelukket fra ${hostName(h)}.`, params, ref));
    }
    const key = `${h.id}\u0000${lock.week}`;
    const count = (used.get(key) ?? 0) + 1;
    used.set(key, count);
    if (count === h.classesPerWeek + 1) {
      problems.push(error('lock.over_capacity', `${hostName(h)} har plads til ${h.classesPerWeek} klasse(r) i uge ${lock.week}, men flere klasser er fastlåst dertil.`, { host: hostName(h), week: lock.week, classesPerWeek: h.classesPerWeek }, { hostOfferId: h.id, week: lock.week }));
    }
  }
}

function validateSettings(weights: AllocationWeights, options: AllocationOptions, problems: Problem[]): void {
  for (const [name, value] of Object.entries(weights)) {
    if (!Number.isFinite(value) || value < 0) problems.push(error('weights.invalid', `Vægten "${name}" skal være et tal ≥ 0 (fik ${value}).`, { name, value }));
  }
  const positive: (keyof AllocationOptions)[] = ['timeLimitS', 'relGap', 'initialCandidates', 'columnsPerRound', 'maxRounds', 'tutorCandidates'];
  for (const name of positive) {
    if (!Number.isFinite(options[name]) || options[name] <= 0) problems.push(error('options.invalid', `Indstillingen "${name}" skal være et tal > 0 (fik ${options[name]}).`, { name, value: options[name] }));
  }
}

/**
 * Checks the whole input before anything is solved and returns every problem found (not only the first), each
 * with a stable code, the values it is about and a Danish sentence. Capacity shortages are not input errors:
 * the solver reports them with what is short where.
 */
export function validateAllocationInput(input: AllocationInput, weights: AllocationWeights, options: AllocationOptions): Problem[] {
  const problems: Problem[] = [];
  validateEntities(input, problems);
  validateLocksAndForbids(input, problems);
  validateSettings(weights, options, problems);
  return problems;
}
