import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/client';
import { ImportFormatError, type ImportOptions, type ImportReport, type Rejection } from '../../../import/report';
import { representativePoint, type Polygon, type Position } from './geo';
import { boundariesTable, bulkUpsert, existingKeys, updateMunicipalityPoints } from './import.repo';
import { builtinMunicipalities } from '../builtin/geography';
import { KeySet, runImport } from './run';

const codeProperties = ['kommunekode', 'KOMKODE', 'komkode', 'kode', 'municipalityCode'];

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** Validates a GeoJSON geometry and returns its polygons in 2-D (heights such as -999 dropped). */
export function polygonsOf(geometry: unknown): Polygon[] | string {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return 'Geometrien er ikke en Polygon eller MultiPolygon.';
  const raw = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(raw) || raw.length === 0) return 'Geometrien har ingen koordinater.';
  const polygons: Polygon[] = [];
  for (const polygon of raw) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'En polygon er tom.';
    const rings: Position[][] = [];
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4) return 'En ring har færre end fire punkter.';
      const points: Position[] = [];
      for (const p of ring) {
        if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
          return 'Et punkt er ikke et gyldigt [længde, bredde]-par.';
        }
        points.push([p[0], p[1]]);
      }
      rings.push(points);
    }
    polygons.push(rings);
  }
  return polygons;
}

/**
 * Municipality boundaries from a GeoJSON FeatureCollection (WGS84). The municipality code is read
 * from the feature's properties; features of unknown codes (e.g. Ertholmene, 411) are rejected.
 * Each municipality's lat/lon becomes a point inside its largest polygon.
 */
export function importKommunerGeojson(db: Db, file: string, options: ImportOptions): Promise<ImportReport> {
  return runImport(db, 'kommuner-geojson', file, options, async () => {
    let document: { type?: unknown; features?: unknown };
    try {
      document = JSON.parse(await fs.promises.readFile(file, 'utf8'));
    } catch (error) {
      throw new ImportFormatError(`Filen er ikke gyldig JSON: ${(error as Error).message}`);
    }
    if (document?.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
      throw new ImportFormatError('Filen er ikke en GeoJSON FeatureCollection.');
    }
    const municipalities = await existingKeys(db, 'municipalities');
    // A dry run on a fresh database has not seeded the built-ins yet; they count as known.
    for (const m of builtinMunicipalities) municipalities.add(String(m.code));
    const rejections: Rejection[] = [];
    const rows: unknown[][] = [];
    const points: { code: number; lat: number; lon: number }[] = [];
    const keys = new KeySet();
    const features = document.features as { properties?: Record<string, unknown>; geometry?: unknown }[];
    features.forEach((feature, index) => {
      const position = index + 1;
      const properties = feature?.properties ?? {};
      const rawCode = codeProperties.map((p) => properties[p]).find((v) => v !== undefined && v !== null);
      const code = Number(rawCode);
      const key = rawCode === undefined ? undefined : String(rawCode);
      if (!Number.isInteger(code) || !municipalities.has(String(code))) {
        return void rejections.push({ position, key, reason: `Kommunekoden "${key ?? ''}" er ikke en kendt kommune.` });
      }
      const polygons = polygonsOf(feature.geometry);
      if (typeof polygons === 'string') return void rejections.push({ position, key, reason: polygons });
      const first = keys.seen(String(code), position);
      if (first !== null) return void rejections.push({ position, key, reason: `Kommunen findes også i objekt ${first}.` });
      rows.push([code, { type: 'MultiPolygon', coordinates: polygons }, path.basename(file)]);
      const point = representativePoint(polygons);
      if (point) points.push({ code, lon: round(point[0]), lat: round(point[1]) });
    });
    options.progress?.(features.length, features.length);
    return {
      read: features.length,
      rejections,
      accepted: rows.length,
      write: async (tx) => {
        await bulkUpsert(tx, boundariesTable, rows);
        await updateMunicipalityPoints(tx, points);
      },
    };
  });
}
