import { isoDate } from './geo';
import type { OrderPlan } from './order-plan';
import { reasons } from './reasons';
import { hoursPenalty } from './score';
import { AVAILABLE_NOW, type CandidateStore } from './store';
import type { LabelledRef, Reason } from './types';

const collator = new Intl.Collator('da');
const byLabel = (a: LabelledRef, b: LabelledRef) => collator.compare(a.label, b.label) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

export interface Explanation {
  reasons: Reason[];
  missingSkills: LabelledRef[];
  missingCertificates: LabelledRef[];
}

function occupationReason(store: CandidateStore, plan: OrderPlan, slot: number): Reason {
  const t = store.taxonomy;
  const data = store.data[slot] as Int32Array;
  let group: Reason | null = null;
  let related: { occupation: number; shared: number; points: number } | null = null;
  for (let k = 2; k < 2 + data[0]; k += 1) {
    const o = data[k];
    if (o >= 0 && o === plan.occupation) return reasons.occupationExact(t.occupationLabels[o]);
    if (plan.group >= 0 && !group) {
      if (o >= 0 && t.occupationGroup[o] === plan.group) group = reasons.occupationGroup(t.groupCode(plan.group), t.occupationLabels[o]);
      if (o < 0 && -2 - o === plan.group) group = reasons.occupationGroup(t.groupCode(plan.group), null);
    }
    const r = o >= 0 ? plan.related.get(o) : undefined;
    if (r && (!related || r.points > related.points)) related = r;
  }
  if (group) return group;
  if (related) return reasons.occupationRelated(t.occupationLabels[related.occupation], related.shared);
  return reasons.occupationOther();
}

/** The Danish reasons for one candidate against one order, with the gaps named. Run only for results shown. */
export function explain(store: CandidateStore, plan: OrderPlan, slot: number, distanceKm: number): Explanation {
  const t = store.taxonomy;
  const out: Reason[] = [occupationReason(store, plan, slot)];
  const missingSkills: LabelledRef[] = [];
  for (const s of plan.required) {
    if (!store.hasSkill(slot, s)) missingSkills.push({ ref: t.skillUris[s], label: t.skillLabels[s] });
  }
  missingSkills.sort(byLabel);
  if (plan.required.length > 0) {
    out.push(reasons.skillsRequired(plan.required.length - missingSkills.length, plan.required.length));
    if (missingSkills.length > 0) out.push(reasons.skillsMissing(missingSkills.map((m) => m.label)));
  }
  if (plan.wanted.length > 0) {
    let held = 0;
    for (const s of plan.wanted) if (store.hasSkill(slot, s)) held += 1;
    out.push(reasons.skillsWanted(held, plan.wanted.length));
  }
  const missingCertificates: LabelledRef[] = [];
  for (const c of plan.certificates) {
    const label = t.certificateLabel(c.code);
    if (c.id >= 0 && store.hasCertificate(slot, c.id)) out.push(reasons.certificateHeld(c.code, label));
    else {
      missingCertificates.push({ ref: c.code, label });
      out.push(reasons.certificateMissing(c.code, label));
    }
  }
  const maxKm = store.maxKm[slot];
  out.push(Number.isNaN(distanceKm) ? reasons.distanceUnknown() : reasons.distance(distanceKm, Number.isNaN(maxKm) ? null : maxKm));
  const year = Number(plan.today.slice(0, 4));
  const available = store.available[slot];
  if (available === AVAILABLE_NOW || available <= plan.todayDay) out.push(reasons.availableNow());
  else if (available > plan.score.neededDay) out.push(reasons.availableLate(isoDate(available), isoDate(plan.score.neededDay), year));
  else out.push(reasons.availableFrom(isoDate(available), year));
  const hours = store.hours[slot];
  if (!Number.isNaN(hours)) {
    out.push(hoursPenalty(hours, plan.score.hours) < 0 ? reasons.hoursMismatch(hours, plan.score.hours) : reasons.hours(hours));
  }
  const held = store.languages[slot];
  for (const l of plan.languages) {
    const bit = store.languageBit(l);
    if (bit === 0 || (held & bit) === 0) out.push(reasons.languageMissing(l));
  }
  return { reasons: out, missingSkills, missingCertificates };
}
