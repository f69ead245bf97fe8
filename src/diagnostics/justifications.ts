// Justified exceptions: a finding accepted with a written reason, by a
// `# plan-justifica PLAN021: motivo` comment on (or just above) its line, or by an entry
// in planeacion/excepciones.yaml. The finding stays visible, marked; only its count goes,
// and only when Planeación accepted it: an excepciones.yaml entry (who approved, when), or a
// comment in Planeación's own files (plan.yaml, planeacion/). A comment a department wrote in
// its own files (dependencias/) is pending: shown «pendiente de aprobación», still counted,
// because a department cannot excuse its own findings.
import type { SourceDoc } from '../model/model.js';
import type { Excepciones } from '../model/types.js';
import type { Diagnostic, Justification } from './diagnostic.js';
import type { JustificationProblem } from '../model/finding.js';
import { departmentOf } from '../repo/layout.js';

const COMMENT = /(?:^|\s)#\s*plan-justifica\b(.*)$/;
// The reason is the rest of the line, trimmed: a lazy `(.*?)\s*$` was quadratic in a run of
// spaces (100,000 of them took 36 s).
const RULE = /^\s*(PLAN\d{3})\s*:?/;
/**
 * The longest reason a comment may give, in characters: what an excepciones.yaml `motivo`
 * may hold. A reason is a sentence or two; a longer one belongs in a document of evidence,
 * and would not fit a report's cell.
 */
export const MAX_REASON = 2000;

export interface JustifyingComment {
  file: string;
  /** The line the comment sits on. */
  line: number;
  column: number;
  /** The line of findings it justifies: its own, or the next non-comment line below it. */
  target: number;
  rule?: string;
  reason: string;
}

/** `# plan-justifica` comments of one file's text. */
export function commentsIn(file: string, text: string): JustifyingComment[] {
  // Almost no file has one: skip splitting the other thousands into lines.
  if (!text.includes('plan-justifica')) return [];
  const lines = text.split(/\r\n|\n/);
  // For each line, the first line at or below it that is not blank or a comment: found once,
  // from the bottom up, so a file of 28,000 comment lines is not walked once per comment.
  const nextContent = new Array<number>(lines.length + 1);
  nextContent[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) nextContent[i] = /^\s*(#.*)?$/.test(lines[i]!) ? nextContent[i + 1]! : i;
  const comments: JustifyingComment[] = [];
  lines.forEach((content, index) => {
    const match = COMMENT.exec(content);
    if (!match) return;
    const ownLine = content.slice(0, match.index).trim() === '';
    // A comment alone on its line speaks for the next line that is not a comment.
    const target = ownLine ? nextContent[index + 1]! : index;
    const rest = match[1]!;
    const parsed = RULE.exec(rest);
    comments.push({
      file,
      line: index + 1,
      column: content.indexOf('#', match.index) + 1,
      target: target + 1,
      ...(parsed ? { rule: parsed[1]! } : {}),
      reason: parsed ? rest.slice(parsed[0].length).trim() : '',
    });
  });
  return comments;
}

/** Where a justification is written: a comment's position, or an entry of excepciones.yaml. */
export interface JustificationOutcome {
  diagnostics: Diagnostic[];
  problems: JustificationProblem[];
}

/** Marks justified diagnostics and reports justifications without a reason or a match. */
export function applyJustifications(
  diagnostics: readonly Diagnostic[],
  comments: readonly JustifyingComment[],
  excepciones: SourceDoc<Excepciones> | undefined,
  isJustifiable: (rule: string) => boolean,
): JustificationOutcome {
  const problems: JustificationProblem[] = [];
  const usable: JustifyingComment[] = [];
  for (const c of comments) {
    const at = { file: c.file, at: { line: c.line, column: c.column } };
    if (!c.rule) problems.push({ ...at, kind: 'malformed' });
    else if (!c.reason) problems.push({ ...at, kind: 'noReason', rule: c.rule });
    else if (!isJustifiable(c.rule)) problems.push({ ...at, kind: 'notJustifiable', rule: c.rule });
    else if ([...c.reason].length > MAX_REASON) problems.push({ ...at, kind: 'tooLong', rule: c.rule, length: [...c.reason].length, limit: MAX_REASON });
    else usable.push(c);
  }
  const entries = excepciones?.data.excepciones ?? [];
  const used = { comments: new Set<JustifyingComment>(), entries: new Set<number>() };

  const result = diagnostics.map((d) => {
    if (!isJustifiable(d.rule)) return d;
    const comment = usable.find((c) => c.file === d.file && c.rule === d.rule && c.target === d.line);
    if (comment) used.comments.add(comment);
    // Planeación's approval wins over a department's own comment on the same finding.
    const index = entries.findIndex((e) => e.regla === d.rule && e.archivo === d.file && (e.linea === undefined || e.linea === d.line));
    if (index >= 0) {
      const entry = entries[index]!;
      used.entries.add(index);
      return justify(d, { reason: entry.motivo, source: 'file', approvedBy: entry.aprobo, date: entry.fecha });
    }
    if (comment) return justify(d, { reason: comment.reason, source: 'comment', ...(departmentOf(comment.file) !== null ? { pending: true as const } : {}) });
    return d;
  });

  for (const c of usable) {
    if (!used.comments.has(c)) problems.push({ file: c.file, at: { line: c.line, column: c.column }, kind: 'unused', rule: c.rule! });
  }
  entries.forEach((entry, index) => {
    if (used.entries.has(index)) return;
    if (!isJustifiable(entry.regla)) problems.push({ file: excepciones!.file, path: ['excepciones', index, 'regla'], kind: 'notJustifiable', rule: entry.regla });
    else problems.push({ file: excepciones!.file, path: ['excepciones', index], kind: 'unused', rule: entry.regla, target: { file: entry.archivo, ...(entry.linea ? { line: entry.linea } : {}) } });
  });
  return { diagnostics: result, problems };
}

function justify(d: Diagnostic, justification: Justification): Diagnostic {
  return { ...d, justification };
}
