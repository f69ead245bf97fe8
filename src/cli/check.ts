// The validation run shared by `plan validate` and `plan report`: reads git history at
// the edge when PLAN029 is on, and says once why a git-based check was skipped.
import { fileHistory, notYetCommitted, toGitHistory, type GitHistory } from '../git/history.js';
import { fill, type Lang } from '../i18n/text.js';
import { validatePlanInParallel, type Shown, type ValidationResult } from '../validate.js';
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

export async function runValidation(io: CliIo, root: string, lang: Lang, fechaCorte: string, shown?: Shown): Promise<ValidationResult> {
  let history: GitHistory | undefined;
  // The loader asks for the history once plan.yaml says PLAN029 is on.
  const readHistory = (): GitHistory => {
    history = toGitHistory(fileHistory(root));
    if (!history.available) io.stderr(fill(NOTICES.historySkipped[lang], { reason: gitReason(history.reason, lang) }));
    return history;
  };
  const result = await validatePlanInParallel(root, { lang, fechaCorte, readHistory }, {}, shown);
  if (history?.available) {
    const pending = notYetCommitted(history, result.model.reportes.map((r) => r.file));
    if (pending.length > 0) io.stderr(fill(NOTICES.uncommitted[lang], { count: pending.length, files: pending.slice(0, 5).join(', ') + (pending.length > 5 ? '…' : '') }));
  }
  return result;
}
