/** Planar geometry on lon/lat rings: enough for a municipality's label point, no projection needed. */
export type Position = [number, number];
export type Ring = Position[];
export type Polygon = Ring[];

/** Signed area (shoelace) of a ring. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return sum / 2;
}

function polygonArea(polygon: Polygon): number {
  return polygon.reduce((total, ring, k) => total + (k === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
}

/** Ray casting, holes included. */
export function pointInPolygon(point: Position, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > point[1]) !== (yj > point[1]) && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function centroid(ring: Ring): Position {
  let x = 0;
  let y = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
    a += f;
  }
  if (a === 0) return ring[0];
  return [x / (3 * a), y / (3 * a)];
}

/**
 * A point that lies inside the largest polygon: its centroid when that is inside (the usual case),
 * else the middle of the widest stretch of the horizontal line through the centroid.
 */
export function representativePoint(polygons: Polygon[]): Position | null {
  const largest = polygons.filter((p) => p.length > 0 && p[0].length >= 4)
    .sort((a, b) => polygonArea(b) - polygonArea(a))[0];
  if (!largest) return null;
  const c = centroid(largest[0]);
  if (pointInPolygon(c, largest)) return c;
  const xs: number[] = [];
  for (const ring of largest) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > c[1]) !== (yj > c[1])) xs.push(((xj - xi) * (c[1] - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let best: Position = largest[0][0];
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > width) {
      width = xs[k + 1] - xs[k];
      best = [(xs[k] + xs[k + 1]) / 2, c[1]];
    }
  }
  return best;
}
