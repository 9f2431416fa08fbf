/** Why one record of an import file was not taken, and where it is in the file. */
export interface Rejection {
  /** 1-based line number (CSV, JSON lines) or record index (JSON arrays). */
  position: number;
  /** Business key when known (CVR, P-number, code). */
  key?: string;
  reason: string;
}

export interface ImportReport {
  kind: string;
  source: string;
  read: number;
  written: number;
  rejected: number;
  rejections: Rejection[];
  durationMs: number;
}

/** Progress callback: `done` of `total` units (bytes or records); total may be unknown. */
export type Progress = (done: number, total: number | null) => void;

export interface ImportOptions {
  progress?: Progress;
  /** Validate and report without writing anything. */
  dryRun?: boolean;
}

/** Thrown when a file cannot be read as the expected format at all; nothing is written. */
export class ImportFormatError extends Error {
  constructor(message: string, readonly position?: number) {
    super(message);
  }
}
