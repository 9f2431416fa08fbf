import type { Highs, Model } from 'highs';
import type { Candidate } from './candidates';
import { modelStatusName, unitColumns } from './highs';
import type { World } from './world';

export interface LpOutcome {
  status: string;
  objective: number;
  /** Dual of each free class row (u_c). */
  classDual: Float64Array;
  /** Dual of each host-week's capacity row (v_hw ≤ 0), 0 for host-weeks without a row. */
  hwDual: Float64Array;
}

export interface MipOutcome {
  status: string;
  objective: number;
  bound: number;
  gap: number;
  colValue: Float64Array;
}

/**
 * The restricted transportation model: one row "exactly one" per free class (with a penalised slack column
 * "unassigned"), one row "at most the places left" per host-week, and one column per candidate pair. The
 * constraint matrix is a bipartite incidence matrix, hence totally unimodular: the LP has integral vertices,
 * so the MIP closes at the root and LP duals price left-out pairs exactly.
 */
export class RestrictedModel {
  readonly colCi: number[] = [];
  readonly colHw: number[] = [];
  private readonly model: Model;
  private readonly hwRow: Int32Array;
  private readonly rowOfClass = new Map<number, number>();
  private readonly numRows: number;

  constructor(private readonly highs: Highs, private readonly world: World, readonly freeClasses: number[], penalty: number) {
    freeClasses.forEach((ci, row) => this.rowOfClass.set(ci, row));
    this.hwRow = new Int32Array(world.hwHost.length).fill(-1);
    let rows = freeClasses.length;
    const rowUpper: number[] = freeClasses.map(() => 1);
    world.hwCap.forEach((cap, hw) => {
      if (cap > 0) {
        this.hwRow[hw] = rows++;
        rowUpper.push(cap);
      }
    });
    this.numRows = rows;
    const n = freeClasses.length;
    const matrix = unitColumns(rows, freeClasses.map((_, row) => [row]));
    this.model = highs.createModel({
      numCols: n,
      numRows: rows,
      colCost: new Float64Array(n).fill(penalty),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: Float64Array.from(rowUpper, (_, r) => (r < n ? 1 : -highs.infinity)),
      rowUpper: Float64Array.from(rowUpper),
      matrix: { format: 'csc', numRows: rows, numCols: n, ...matrix },
    });
    this.model.options.set({ output_flag: false });
  }

  get numPairs(): number {
    return this.colCi.length;
  }

  /** Column index of the first pair (slack columns come first, one per free class). */
  get firstPair(): number {
    return this.freeClasses.length;
  }

  addColumns(columns: Candidate[]): void {
    const usable = columns.filter((c) => this.hwRow[c.hw] >= 0 && this.rowOfClass.has(c.ci));
    if (usable.length === 0) return;
    const matrix = unitColumns(this.numRows, usable.map((c) => [this.rowOfClass.get(c.ci) as number, this.hwRow[c.hw]]));
    this.model.addCols({
      cost: Float64Array.from(usable, (c) => c.cost),
      lower: new Float64Array(usable.length),
      upper: new Float64Array(usable.length).fill(1),
      matrix: { format: 'csc', numRows: this.numRows, numCols: usable.length, ...matrix },
    });
    for (const c of usable) {
      this.colCi.push(c.ci);
      this.colHw.push(c.hw);
    }
  }

  solveLp(timeLimitS: number): LpOutcome {
    this.model.zeroAllClocks();
    this.model.options.set({ time_limit: Math.max(0.01, timeLimitS) });
    this.model.run();
    const status = modelStatusName(this.highs, this.model.getModelStatus());
    const solution = this.model.getSolution();
    const n = this.freeClasses.length;
    const hwDual = new Float64Array(this.hwRow.length);
    this.hwRow.forEach((row, hw) => {
      if (row >= 0) hwDual[hw] = solution.rowDual[row];
    });
    return { status, objective: this.model.getObjectiveValue(), classDual: solution.rowDual.slice(0, n), hwDual };
  }

  /** Declares every column integer and solves the MIP, starting from `start` (the LP vertex). */
  solveMip(relGap: number, timeLimitS: number, start?: Float64Array): MipOutcome {
    const numCols = this.freeClasses.length + this.colCi.length;
    this.model.changeColsIntegrality({ kind: 'range', from: 0, to: numCols - 1 }, new Int32Array(numCols).fill(this.highs.constants.variableType.integer));
    if (start) this.model.setSolution({ colValue: start });
    this.model.zeroAllClocks();
    this.model.options.set({ time_limit: Math.max(0.01, timeLimitS), mip_rel_gap: relGap });
    this.model.run();
    const status = modelStatusName(this.highs, this.model.getModelStatus());
    return {
      status,
      objective: this.model.getObjectiveValue(),
      bound: Number(this.model.info.get('mip_dual_bound')),
      gap: Number(this.model.info.get('mip_gap')),
      colValue: this.model.getSolution().colValue,
    };
  }

  currentColValue(): Float64Array {
    return this.model.getSolution().colValue;
  }

  dispose(): void {
    this.model.dispose();
  }
}
