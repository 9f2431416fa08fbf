import type { Highs } from 'highs';
import { formatKm } from './explain';
import { haversineKm } from './geo';
import { modelStatusName, unitColumns } from './highs';
import type { Problem, Tutor, TutorAssignment } from './types';
import type { World } from './world';

/** A class placed by the first stage: class index and host-week. */
export interface PlacedClass {
  ci: number;
  hw: number;
}

export interface TutorStage {
  tutorAssignments: TutorAssignment[];
  warnings: Problem[];
}

interface TutorColumn {
  placed: number;
  tutor: number;
  km: number;
}

/**
 * Second stage: tutors to placed classes. Each class gets at most one tutor available in its week; a tutor takes
 * at most maxClassesPerWeek (default 1) classes a week and maxClasses in all; nearer to the host is better, but
 * every class that can have a tutor gets one first (a bonus larger than any distance trade-off). The rows are a
 * flow network (class → tutor-week → tutor), so the LP vertex HiGHS returns is integral. Each class is offered
 * its `candidates` nearest available tutors.
 */
export function assignTutors(highs: Highs, world: World, placed: PlacedClass[], tutors: Tutor[], candidates: number, timeLimitS: number): TutorStage {
  if (tutors.length === 0 || placed.length === 0) return { tutorAssignments: [], warnings: [] };
  const byWeek = new Map<number, number[]>();
  tutors.forEach((t, ti) => {
    for (const week of new Set(t.weeks)) byWeek.set(week, [...(byWeek.get(week) ?? []), ti]);
  });
  const columns: TutorColumn[] = [];
  placed.forEach(({ hw }, p) => {
    const host = world.hosts[world.hwHost[hw]];
    const near = (byWeek.get(world.hwWeek[hw]) ?? []).map((ti) => ({ ti, km: haversineKm(tutors[ti].lat, tutors[ti].lon, host.lat, host.lon) }))
      .sort((a, b) => a.km - b.km || a.ti - b.ti).slice(0, candidates);
    for (const { ti, km } of near) columns.push({ placed: p, tutor: ti, km });
  });
  const assigned = new Map<number, TutorColumn>();
  if (columns.length > 0) solve(highs, world, placed, tutors, columns, timeLimitS).forEach((c) => assigned.set(c.placed, c));

  const tutorAssignments: TutorAssignment[] = [];
  const warnings: Problem[] = [];
  placed.forEach(({ ci, hw }, p) => {
    const c = world.classes[ci];
    const week = world.hwWeek[hw];
    const col = assigned.get(p);
    if (col) {
      const t = tutors[col.tutor];
      tutorAssignments.push({ tutorId: t.id, classId: c.id, week, distanceKm: Math.round(col.km * 10) / 10, text: `${t.label}, ${formatKm(col.km)} km fra værten, uge ${week}` });
    } else {
      warnings.push({
        code: 'tutor.class_without_tutor', severity: 'warning', params: { label: c.label, week },
        text: `Klasse ${c.label} har ingen tutor i uge ${week}: ingen ledig tutor er tilgængelig den uge.`, ref: { classId: c.id, week },
      });
    }
  });
  return { tutorAssignments, warnings };
}

function solve(highs: Highs, world: World, placed: PlacedClass[], tutors: Tutor[], columns: TutorColumn[], timeLimitS: number): TutorColumn[] {
  // Rows: one per placed class, one per tutor, one per tutor-week in use.
  const tutorRow = (ti: number) => placed.length + ti;
  const weekRows = new Map<string, number>();
  const upper: number[] = [...placed.map(() => 1), ...tutors.map((t) => t.maxClasses)];
  const rowsOf = columns.map((col) => {
    const key = `${col.tutor}:${world.hwWeek[placed[col.placed].hw]}`;
    let row = weekRows.get(key);
    if (row === undefined) {
      row = upper.length;
      weekRows.set(key, row);
      upper.push(tutors[col.tutor].maxClassesPerWeek ?? 1);
    }
    return [col.placed, tutorRow(col.tutor), row];
  });
  const perKm = world.weights.tutorPerKm;
  const bonus = (placed.length + 1) * (perKm * columns.reduce((max, c) => Math.max(max, c.km), 0) + 1);
  const matrix = unitColumns(upper.length, rowsOf);
  const model = highs.createModel({
    numCols: columns.length,
    numRows: upper.length,
    colCost: Float64Array.from(columns, (c) => perKm * c.km - bonus),
    colLower: new Float64Array(columns.length),
    colUpper: new Float64Array(columns.length).fill(1),
    rowLower: new Float64Array(upper.length).fill(-highs.infinity),
    rowUpper: Float64Array.from(upper),
    matrix: { format: 'csc', numRows: upper.length, numCols: columns.length, ...matrix },
  });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.01, timeLimitS), solver: 'simplex', simplex_strategy: 4 });
    model.run();
    const status = modelStatusName(highs, model.getModelStatus());
    if (status !== 'optimal') throw new Error(`tutor stage: HiGHS ended with ${status}`);
    const values = model.getSolution().colValue;
    return columns.filter((_, j) => values[j] > 0.5);
  } finally {
    model.dispose();
  }
}
