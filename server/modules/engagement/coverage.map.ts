/**
 * Simplifies municipality boundaries for a dashboard map (pure, no I/O): Douglas–Peucker per ring with a
 * tolerance in degrees, coordinates rounded, and rings that would collapse kept as they were.
 */
export type Position = [number, number];
export type Ring = Position[];
export type Polygon = Ring[];

/** Squared distance from p to the segment a–b (planar lon/lat: fine at a municipality's scale). */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker on an open polyline, iterative (long coastlines would overflow a recursive version). */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const tolerance2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = -1;
    let worstDistance = tolerance2;
    for (let i = first + 1; i < last; i += 1) {
      const d = segmentDistance2(points[i], points[first], points[last]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/**
 * A closed ring simplified: split at its point farthest from the start so both halves keep their shape,
 * then closed again. A ring that would fall below four points is returned unsimplified (rounded).
 */
export function simplifyRing(ring: readonly Position[], tolerance: number, decimals = 4): Ring {
  const rounded = ring.map((p): Position => [round(p[0], decimals), round(p[1], decimals)]);
  if (rounded.length < 5) return rounded;
  const open = rounded.slice(0, -1);
  let far = 1;
  let farDistance = -1;
  for (let i = 1; i < open.length; i += 1) {
    const d = (open[i][0] - open[0][0]) ** 2 + (open[i][1] - open[0][1]) ** 2;
    if (d > farDistance) {
      far = i;
      farDistance = d;
    }
  }
  const first = simplifyLine(open.slice(0, far + 1), tolerance);
  const second = simplifyLine([...open.slice(far), open[0]], tolerance);
  const result = [...first, ...second.slice(1)];
  return result.length >= 4 ? result : rounded;
}

/** Every ring of a MultiPolygon simplified; polygons whose outer ring is smaller than `minArea` (deg²) dropped unless it is the only one. */
export function simplifyMultiPolygon(polygons: readonly Polygon[], tolerance: number, minArea = tolerance * tolerance * 4): Polygon[] {
  const simplified = polygons.map((polygon) => polygon.map((ring) => simplifyRing(ring, tolerance)));
  const large = simplified.filter((polygon) => Math.abs(ringArea(polygon[0] ?? [])) >= minArea);
  return large.length > 0 ? large : simplified;
}

function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum / 2;
}

/** The polygons of a stored boundary (a GeoJSON Polygon or MultiPolygon, as the importer wrote it); [] for anything else. */
export function polygonsOf(geometry: unknown): Polygon[] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'MultiPolygon') return g.coordinates as Polygon[];
  if (g.type === 'Polygon') return [g.coordinates as Polygon];
  return [];
}
