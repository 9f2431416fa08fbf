import loadHighs, { type Highs } from 'highs';

let runtime: Promise<Highs> | null = null;

/** The HiGHS WebAssembly runtime, loaded once per process (loading compiles the module, ~0.2 s). */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/** HiGHS model status code → name, for stats and messages. */
export function modelStatusName(highs: Highs, code: number): string {
  const entry = Object.entries(highs.constants.modelStatus).find(([, value]) => value === code);
  return entry ? entry[0] : `status_${code}`;
}

/** Column data for `addCols`/`createModel`: every column has entries in the given rows with coefficient 1. */
export function unitColumns(numRows: number, rowsOfColumn: number[][]): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const starts = new Int32Array(rowsOfColumn.length + 1);
  let nnz = 0;
  rowsOfColumn.forEach((rows, j) => {
    nnz += rows.length;
    starts[j + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  let k = 0;
  for (const rows of rowsOfColumn) {
    for (const r of rows) {
      if (r < 0 || r >= numRows) throw new Error(`row ${r} outside 0..${numRows - 1}`);
      indices[k++] = r;
    }
  }
  return { starts, indices, values: new Float64Array(nnz).fill(1) };
}
