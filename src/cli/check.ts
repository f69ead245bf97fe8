// The validation run shared by `plan validate` and `plan report`: reads git history at
// the edge when PLAN029 is on, says once why a git-based check was skipped, and keeps the
// --cache of each file's outcome.
import { cacheFileFor, cacheFolder, openOutcomeCache, type OutcomeCache } from '../cache/outcomes.js';
import { fileHistory, notYetCommitted, toGitHistory, type GitHistory } from '../git/history.js';
import { fill, type Lang } from '../i18n/text.js';
import { historyWanted } from '../load.js';
import { readPlanValue } from '../load-file.js';
import type { FilePool } from '../parallel/pool.js';
import { validatePlanInParallel, type Shown, type ValidationResult } from '../validate.js';
import { UsageError, type CliIo } from './io.js';
import { isPlanInputPath } from './output-path.js';
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
  cacheUsed: {
    es: 'Caché: {reused} de {files} archivo(s) sin cambios se tomaron de {file}.\n',
    en: 'Cache: {reused} of {files} unchanged file(s) were taken from {file}.\n',
  },
  departmentsRechecked: {
    es: 'Caché: las reglas por dependencia revisaron de nuevo {departments} de {of} dependencia(s), las que cambiaron; las demás conservan los hallazgos de la revisión que escribió la caché.\n',
    en: 'Cache: the per-department rules checked {departments} of {of} department(s) again, those that changed; the others keep the findings of the run that wrote the cache.\n',
  },
  acrossRechecked: {
    es: 'Caché: las reglas que cruzan dependencias revisaron de nuevo {departments} de {of} dependencia(s), pues las demás y lo que comparten con ellas no cambió.\n',
    en: 'Cache: the rules that look across departments checked {departments} of {of} department(s) again, since the others and what they share with them did not change.\n',
  },
  cacheNotSaved: {
    es: 'Aviso: no se pudo guardar la caché en {file} ({reason}); la próxima revisión leerá todos los archivos otra vez.\n',
    en: 'Notice: the cache could not be saved to {file} ({reason}); the next run will read every file again.\n',
  },
  cacheInsideData: {
    es: 'La caché no se guarda en «{file}»: está entre los datos del plan. Indique otra carpeta en PLAN_CACHE_DIR, fuera de plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ y .git/.',
    en: 'The cache is not kept in "{file}": it is among the plan data. Set PLAN_CACHE_DIR to another folder, outside plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ and .git/.',
  },
} as const;

export interface ValidationRun {
  /** Which findings will be shown (PR mode), so the others need no position. */
  shown?: Shown;
  /** Reuse, and keep for the next run, what each unchanged file gave (`--cache`). */
  cache?: boolean;
  /** Threads started before the run (FilePool.startEarly); closed by the run whether it uses them or not. */
  early?: FilePool;
  /** See ParallelRun.onLoaded. */
  onLoaded?: () => void;
}

export async function runValidation(io: CliIo, root: string, lang: Lang, fechaCorte: string, run: ValidationRun = {}): Promise<ValidationResult> {
  let history: GitHistory | undefined;
  const cacheFile = run.cache ? cacheFileFor(cacheFolder(io.env), root) : undefined;
  if (cacheFile && isPlanInputPath(root, cacheFile)) throw new UsageError(NOTICES.cacheInsideData, { file: cacheFile });
  const cache: OutcomeCache | undefined = cacheFile ? openOutcomeCache(cacheFile, lang) : undefined;
  // The loader asks for the history once plan.yaml says PLAN029 is on. Read ahead, plan.yaml
  // says so already: git's log then runs while the files load, not after. A failure surfaces
  // where the loader awaits it; unasked for, it is dropped.
  const ahead = historyWanted(readPlanValue(root, { lang })) ? fileHistory(root) : undefined;
  ahead?.catch(() => {});
  const readHistory = async (): Promise<GitHistory> => {
    history = toGitHistory(await (ahead ?? fileHistory(root)));
    if (!history.available) io.stderr(fill(NOTICES.historySkipped[lang], { reason: gitReason(history.reason, lang) }));
    return history;
  };
  const result = await validatePlanInParallel(root, { lang, fechaCorte, readHistory }, { ...(run.shown ? { shown: run.shown } : {}), ...(cache ? { cache } : {}), ...(run.early ? { early: run.early } : {}), ...(run.onLoaded ? { onLoaded: run.onLoaded } : {}) });
  if (cache && cacheFile) {
    io.stderr(fill(NOTICES.cacheUsed[lang], { reused: cache.reused, files: result.fileCount, file: cacheFile }));
    const { department, facts } = cache.rechecked;
    if (department) io.stderr(fill(NOTICES.departmentsRechecked[lang], department));
    if (facts) io.stderr(fill(NOTICES.acrossRechecked[lang], facts));
    const failure = cache.save();
    if (failure) io.stderr(fill(NOTICES.cacheNotSaved[lang], { file: cacheFile, reason: failure }));
  }
  if (history?.available) {
    const pending = notYetCommitted(history, result.model.reportes.map((r) => r.file));
    if (pending.length > 0) io.stderr(fill(NOTICES.uncommitted[lang], { count: pending.length, files: pending.slice(0, 5).join(', ') + (pending.length > 5 ? '…' : '') }));
  }
  return result;
}
