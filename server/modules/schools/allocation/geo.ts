import { haversineKm } from '../../../../common/geo';
export { haversineKm };

/** The same constants as common/geo.ts, for the index's exact distance bounds. */
const earthRadiusKm = 6371.0088;
const rad = Math.PI / 180;

const stripDeg = 0.1;

/**
 * Points in latitude strips of 0.1°, each sorted by longitude, for exact radius queries. Two bounds from the
 * haversine formula make it exact: the distance is at least R·|Δφ| (which strips can hold a point), and
 * sin²(d/2R) ≥ cos φ1 · cos φ2 · sin²(Δλ/2) (which longitudes within a strip can).
 */
export class PointIndex {
  private readonly strips = new Map<number, { ids: Int32Array; lons: Float64Array }>();
  private readonly minStrip: number;
  private readonly maxStrip: number;

  constructor(lats: ArrayLike<number>, lons: ArrayLike<number>) {
    const byStrip = new Map<number, number[]>();
    for (let i = 0; i < lats.length; i++) {
      const s = Math.floor(lats[i] / stripDeg);
      const list = byStrip.get(s);
      if (list) list.push(i);
      else byStrip.set(s, [i]);
    }
    for (const [s, ids] of byStrip) {
      ids.sort((a, b) => lons[a] - lons[b] || a - b);
      this.strips.set(s, { ids: Int32Array.from(ids), lons: Float64Array.from(ids, (i) => lons[i]) });
    }
    const keys = [...byStrip.keys()];
    this.minStrip = keys.length > 0 ? keys.reduce((a, b) => Math.min(a, b)) : 0;
    this.maxStrip = keys.length > 0 ? keys.reduce((a, b) => Math.max(a, b)) : -1;
  }

  /** Calls `visit` for every point that may lie within radiusKm (a superset: callers check the distance). */
  forEachNear(lat: number, lon: number, radiusKm: number, visit: (index: number) => void): void {
    const angle = radiusKm / earthRadiusKm;
    const all = !(angle < Math.PI / 2);
    const dLat = all ? Infinity : angle / rad;
    const from = all ? this.minStrip : Math.max(this.minStrip, Math.floor((lat - dLat) / stripDeg));
    const to = all ? this.maxStrip : Math.min(this.maxStrip, Math.floor((lat + dLat) / stripDeg));
    const sinHalf = Math.sin(angle / 2);
    for (let s = from; s <= to; s++) {
      const strip = this.strips.get(s);
      if (!strip) continue;
      const poleward = Math.min(89.99, Math.max(Math.abs(s * stripDeg), Math.abs((s + 1) * stripDeg)));
      const ratio = all ? 2 : sinHalf / Math.sqrt(Math.cos(lat * rad) * Math.cos(poleward * rad));
      let lo = 0;
      let hi = strip.ids.length;
      if (ratio < 1) {
        const dLon = (2 * Math.asin(ratio)) / rad;
        if (lon - dLon >= -180 && lon + dLon <= 180) {
          lo = lowerBound(strip.lons, lon - dLon);
          hi = lowerBound(strip.lons, lon + dLon + 1e-12);
        }
      }
      for (let k = lo; k < hi; k++) visit(strip.ids[k]);
    }
  }
}

function lowerBound(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
