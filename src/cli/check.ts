// The validation run shared by `plan validate` and `plan report`: reads git history at
// the edge when PLAN029 is on, and says once why a git-based check was skipped.
import { fileHistory, notYetCommitted, toGitHistory, type GitHistory } from '../git/history.js';
import { fill, type Lang } from '../i18n/text.js';
import { severitySetting } from '../model/config.js';
import { parseYaml } from '../yaml/parse.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validatePlan, type ValidationResult } from '../validate.js';
import type { CliIo } from './io.js';
import { gitReason } from './reasons.js';

const NOTICES = {
  historySkipped: {
    es: 'Aviso: se omitió la comparación de fechas de entrega con el historial de git (PLAN029): {reason}.\n',
    en: 'Notice: delivery dates were not compared with git history (PLAN029): {reason}.\n',
  },
  uncommitted: {
    es: 'Aviso: PLAN029 no revisó {count} reporte(s) que aún no están en ningún commit: {files}.\n',
    en: 'Notice: PLAN029 did not check {count} report(s) not yet in any commit: {files}.\n',
  },
} as const;

/** PLAN029's setting in plan.yaml, read before loading so an `off` rule costs no git call. */
function plan029Off(root: string): boolean {
  try {
    const parsed = parseYaml(readFileSync(path.join(root, 'plan.yaml'), 'utf8'));
    const reglas = parsed.ok ? (parsed.parsed.value as { reglas?: Record<string, unknown> }).reglas : undefined;
    return severitySetting(reglas?.PLAN029) === 'off';
  } catch {
    return false;
  }
}

export function runValidation(io: CliIo, root: string, lang: Lang, fechaCorte: string): ValidationResult {
  let history: GitHistory | undefined;
  if (!plan029Off(root)) {
    history = toGitHistory(fileHistory(root));
    if (!history.available) io.stderr(fill(NOTICES.historySkipped[lang], { reason: gitReason(history.reason, lang) }));
  }
  const result = validatePlan(root, { lang, fechaCorte, ...(history ? { history } : {}) });
  if (history?.available) {
    const pending = notYetCommitted(history, result.model.reportes.map((r) => r.file));
    if (pending.length > 0) io.stderr(fill(NOTICES.uncommitted[lang], { count: pending.length, files: pending.slice(0, 5).join(', ') + (pending.length > 5 ? '…' : '') }));
  }
  return result;
}
