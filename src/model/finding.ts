// The vocabulary of findings, shared by the stages that produce them (loader, rules) and
// the one that places and reports them (diagnostics): it lives below both.
import type { PathSegment } from '../yaml/path.js';
import type { Severity } from './types.js';

/**
 * What a finding is about, set by the rule that reports it: reports and `--dependencia`
 * select a department's findings by these fields, never by reading the message text.
 */
export interface Subject {
  /** Department clave: `OP`. */
  dependencia?: string;
  /** PPCS id: `OP-01`. */
  ppcs?: string;
  /** Meta id within the PPCS: `M1`. */
  meta?: string;
  /** Quarter: `2019-T2`. */
  trimestre?: string;
  /** The year of a carátula's «ejercicios» entry the finding is about: `2020`. */
  ejercicio?: number;
}

/**
 * What a rule or a loader found, before it is placed in the source. Rules speak in
 * JSON paths; line and column are resolved once, at the edge (see locate.ts).
 */
export interface Finding {
  rule: string;
  /** Repo-relative POSIX path of the file the finding belongs to. */
  file: string;
  /** Where in the document; `[]` is the whole document. */
  path?: PathSegment[];
  /** Point at the key of the last segment rather than its value. */
  atKey?: boolean;
  /** A known position when there is no document to point into (a byte-level problem). */
  at?: { line: number; column: number };
  message: string;
  hint?: string;
  /** Overrides the rule's default severity for this finding (rules with two levels). */
  severity?: Severity;
  about?: Subject;
}

export type JustificationPlace = { file: string; at: { line: number; column: number } } | { file: string; path: PathSegment[] };

/** A justification that is wrong in itself; PLAN008 turns each into a finding. */
export type JustificationProblem = JustificationPlace &
  (
    | { kind: 'malformed' }
    | { kind: 'noReason'; rule: string }
    | { kind: 'notJustifiable'; rule: string }
    /** A comment's reason longer than MAX_REASON (diagnostics/justifications.ts): `length` characters. */
    | { kind: 'tooLong'; rule: string; length: number; limit: number }
    /** `target`: the file (and line) an excepciones.yaml entry names. */
    | { kind: 'unused'; rule: string; target?: { file: string; line?: number } }
  );
