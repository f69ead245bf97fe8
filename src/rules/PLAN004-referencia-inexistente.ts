import type { PathSegment } from '../yaml/path.js';
import { codePointOf, oddCharactersText } from '../i18n/characters.js';
import { closestMatch } from '../i18n/similar.js';
import { quote, type Params, type Text } from '../i18n/text.js';
import type { PlanModel, SourceDoc } from '../model/model.js';
import type { Ppcs } from '../model/types.js';
import type { RepoEntry } from '../repo/files.js';
import { placementOf, type FileKind } from '../repo/layout.js';
import { defineRule, type Report, type RuleReport } from './rule.js';

const messages = {
  sinFicha: {
    es: 'La carpeta «dependencias/{carpeta}/» no tiene «dependencia.yaml» (la ficha de la dependencia), así que la dependencia {clave} no está registrada.',
    en: 'Folder "dependencias/{carpeta}/" has no "dependencia.yaml" (the department\'s card), so department {clave} is not registered.',
  },
  dependencia: {
    es: 'La dependencia {clave} no existe: no hay un archivo «dependencias/{carpeta}/dependencia.yaml».',
    en: 'Department {clave} does not exist: there is no file "dependencias/{carpeta}/dependencia.yaml".',
  },
  consigoMisma: {
    es: 'La dependencia {clave} no puede colaborar consigo misma: en «{campo}» sólo se nombran otras dependencias.',
    en: 'Department {clave} cannot collaborate with itself: "{campo}" names only other departments.',
  },
  ppcs: {
    es: 'El PPCS {id} no existe: ninguna carátula en «dependencias/<CLAVE>/ppcs/» lo declara.',
    en: 'PPCS {id} does not exist: no carátula in "dependencias/<CLAVE>/ppcs/" declares it.',
  },
  ppcsBorrado: {
    es: 'El PPCS {id} no existe: su carátula «{caratula}» se borró del repositorio, pero aquí se sigue citando.',
    en: 'PPCS {id} does not exist: its carátula "{caratula}" was deleted from the repository, but it is still cited here.',
  },
  ppcsAjeno: {
    es: 'El PPCS {id} pertenece a la dependencia {duena} (su carátula es «{caratula}»), no a {dependencia}; cada dependencia reporta sólo sus propios PPCS.',
    en: 'PPCS {id} belongs to department {duena} (its carátula is "{caratula}"), not to {dependencia}; each department reports only its own PPCS.',
  },
  meta: {
    es: 'La meta {meta} no existe en la carátula del PPCS {id}; sus metas son {metas}.',
    en: 'Meta {meta} does not exist in the carátula of PPCS {id}; its metas are {metas}.',
  },
  metaSinMetas: {
    es: 'La meta {meta} no existe: la carátula del PPCS {id} no declara ninguna meta.',
    en: 'Meta {meta} does not exist: the carátula of PPCS {id} declares no meta.',
  },
  unidad: {
    es: 'La unidad de medida {unidad} no está en el catálogo de unidades de Planeación («catalogos/unidades-de-medida.yaml»).',
    en: 'Unit of measure {unidad} is not in the Planeación unit catalog ("catalogos/unidades-de-medida.yaml").',
  },
  observacion: {
    es: 'La observación {id} no existe en ningún formato de retroalimentación («planeacion/retroalimentacion/»).',
    en: 'Observation {id} does not exist in any feedback file ("planeacion/retroalimentacion/").',
  },
  recomendacion: {
    es: 'La recomendación de género {id} no existe en ningún archivo de «planeacion/genero/».',
    en: 'Gender recommendation {id} does not exist in any file of "planeacion/genero/".',
  },
  evidenciaAbsoluta: {
    es: 'La evidencia {ruta} es una ruta absoluta de su computadora; en el repositorio la ruta se escribe relativa a su raíz.',
    en: 'Evidence {ruta} is an absolute path on your computer; in the repository the path is written relative to its root.',
  },
  evidenciaDiagonal: {
    es: 'La evidencia {ruta} separa las carpetas con diagonal invertida «\\»; en el repositorio se usa «/»: {corregida}.',
    en: 'Evidence {ruta} separates folders with backslashes "\\"; the repository uses "/": {corregida}.',
  },
  evidenciaFuera: {
    es: 'La evidencia {ruta} sale del repositorio con «..»; las evidencias deben estar dentro del repositorio.',
    en: 'Evidence {ruta} leaves the repository through ".."; evidence files must be inside the repository.',
  },
  evidenciaReservada: {
    es: 'La evidencia {ruta} usa el nombre {nombre}, reservado por Windows (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9): ese archivo no se puede abrir ni copiar en Windows.',
    en: 'Evidence {ruta} uses the name {nombre}, reserved by Windows (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9): such a file cannot be opened or copied on Windows.',
  },
  evidenciaPunto: {
    es: 'La evidencia {ruta} usa el nombre {nombre}, que termina en punto: Windows quita ese punto final, así que el archivo no se puede abrir ni copiar en Windows.',
    en: 'Evidence {ruta} uses the name {nombre}, which ends in a dot: Windows drops a trailing dot, so the file cannot be opened or copied on Windows.',
  },
  evidenciaEspacio: {
    es: 'La evidencia {ruta} usa el nombre {nombre}, que termina en un espacio: Windows quita ese espacio final, así que el archivo no se puede abrir ni copiar en Windows.',
    en: 'Evidence {ruta} uses the name {nombre}, which ends in a space: Windows drops a trailing space, so the file cannot be opened or copied on Windows.',
  },
  evidenciaCaracter: {
    es: 'La evidencia {ruta} usa el carácter {caracter} en el nombre {nombre}; Windows no admite en los nombres de archivo «:», «<», «>», «"», «|», «?», «*» ni caracteres de control, así que el archivo no se puede abrir ni copiar en Windows.',
    en: 'Evidence {ruta} uses the character {caracter} in the name {nombre}; Windows does not allow ":", "<", ">", double quotes, "|", "?", "*" or control characters in file names, so the file cannot be opened or copied on Windows.',
  },
  evidenciaGemela: {
    es: 'Los archivos de evidencia {archivos} sólo difieren en mayúsculas y minúsculas: en Windows y macOS son un mismo archivo, así que al clonar el repositorio allí uno reemplaza al otro y la evidencia que se ve puede no ser la que se citó.',
    en: 'Evidence files {archivos} differ only in upper/lower case: on Windows and macOS they are one and the same file, so a checkout there keeps only one of them and the evidence shown may not be the one cited.',
  },
  evidenciaNoExiste: {
    es: 'El archivo de evidencia {ruta} no existe en el repositorio.',
    en: 'Evidence file {ruta} does not exist in the repository.',
  },
  evidenciaEnlaceExterno: {
    es: 'La evidencia {ruta} apunta fuera del repositorio: {enlace} es un enlace simbólico hacia otro lugar (o hacia nada), y Planeación sólo puede revisar archivos guardados en el repositorio.',
    en: 'Evidence {ruta} points outside the repository: {enlace} is a symbolic link to somewhere else (or nowhere), and Planeación can only review files stored in the repository.',
  },
  evidenciaEnlaceInterno: {
    es: 'La evidencia {ruta} pasa por {enlace}, un enlace simbólico a otra carpeta; escriba la ruta real del archivo.',
    en: 'Evidence {ruta} goes through {enlace}, a symbolic link to another folder; write the real path of the file.',
  },
} satisfies Record<string, Text>;

const generalHint: Text = {
  es: 'Escriba una clave que exista, tal como aparece en su archivo de origen; si el elemento es nuevo, agregue primero su archivo.',
  en: 'Write a key that exists, exactly as in its source file; if the item is new, add its file first.',
};

// Hints for one kind of finding, replacing the rule's general hint (RuleReport.hint).
const hints = {
  ppcs: {
    es: 'Si se borró su carátula, restaure el archivo o márquelo «estatus: cancelado» en lugar de borrarlo; si es un error de captura, escriba el id de un PPCS existente.',
    en: 'If its carátula was deleted, restore the file or mark it "estatus: cancelado" instead of deleting it; if it is a typing error, write the id of an existing PPCS.',
  },
  ppcsBorrado: {
    es: 'Restaure el archivo o márquelo «estatus: cancelado» en lugar de borrarlo: los reportes que ya se entregaron lo citan.',
    en: 'Restore the file or mark it "estatus: cancelado" instead of deleting it: reports already delivered cite it.',
  },
  consigoMisma: {
    es: 'Quite {clave} de la lista; si nadie más participa, deje la lista fuera.',
    en: 'Remove {clave} from the list; if nobody else takes part, leave the list out.',
  },
  ppcsAjeno: {
    es: 'Corrija el id por el de un PPCS de {dependencia}; la colaboración con {duena} se anota en «colaboraciones».',
    en: 'Change the id to a PPCS of {dependencia}; the collaboration with {duena} goes in "colaboraciones".',
  },
  sinCatalogo: {
    es: 'Cree «catalogos/unidades-de-medida.yaml» con las unidades de medida asignadas y validadas por Planeación.',
    en: 'Create "catalogos/unidades-de-medida.yaml" with the units of measure assigned and validated by Planeación.',
  },
  observacion: {
    es: 'Copie la clave tal como aparece en el formato de retroalimentación que emitió Planeación.',
    en: 'Copy the key exactly as it appears in the feedback file issued by Planeación.',
  },
  evidenciaNoExiste: {
    es: 'Agregue el archivo de evidencia en esa ruta y haga commit junto con el reporte, o corrija la ruta (se distinguen mayúsculas y minúsculas).',
    en: 'Add the evidence file at that path and commit it with the report, or fix the path (upper and lower case differ).',
  },
  evidenciaMayusculas: {
    es: 'Existe {parecida}, que sólo difiere en mayúsculas y minúsculas; escriba la ruta exactamente igual.',
    en: '{parecida} exists and differs only in upper/lower case; write the path exactly the same.',
  },
  evidenciaNombre: {
    es: 'Cambie el nombre en el repositorio (git mv) y en esta lista, por ejemplo a {sugerida}.',
    en: 'Rename it in the repository (git mv) and in this list, e.g. to {sugerida}.',
  },
  evidenciaNombreSinSugerencia: {
    es: 'Cambie el nombre en el repositorio (git mv) y en esta lista por uno hecho de letras, números, guiones y un punto antes de la extensión.',
    en: 'Rename it in the repository (git mv) and in this list to a name made of letters, digits, hyphens and one dot before the extension.',
  },
  evidenciaGemela: {
    es: 'Deje uno solo: borre los demás o renómbrelos con git mv (por ejemplo a «acta-2.pdf») y corrija las rutas que los citan.',
    en: 'Keep only one: delete the others or rename them with git mv (e.g. to "acta-2.pdf") and fix the paths that cite them.',
  },
  evidencia: {
    es: 'Guarde la evidencia dentro del repositorio, por ejemplo en «dependencias/{carpeta}/evidencias/{trimestre}/», y escriba su ruta relativa con «/».',
    en: 'Store the evidence inside the repository, e.g. in "dependencias/{carpeta}/evidencias/{trimestre}/", and write its relative path with "/".',
  },
  sinFicha: {
    es: 'Cree «dependencias/{carpeta}/dependencia.yaml» con la clave ({carpeta}), el nombre, el titular, el enlace y las evaluaciones de la dependencia por año («evaluaciones», con al menos la del año anterior al ejercicio).',
    en: 'Create "dependencias/{carpeta}/dependencia.yaml" with the department\'s key ({carpeta}), name, head, liaison and evaluations by year ("evaluaciones", at least the one of the year before the fiscal year).',
  },
} satisfies Record<string, Text>;

export const PLAN004 = defineRule({
  meta: {
    id: 'PLAN004',
    title: { es: 'Referencia a algo que no existe', en: 'Reference to something that does not exist' },
    rationale:
      'Los reportes trimestrales deben manifestar «el avance de las metas planteadas en las caratulas de proyecto», en la unidad de medida «asignada y validada por el área de Planeación», atender las observaciones «emitidas mediante el formato de retroalimentación» y, para la integralidad, «hacer referencia de dichas dependencias con quienes colaboró». Todo eso se hace por clave: si una clave de dependencia, PPCS, meta, unidad, observación o recomendación no corresponde a nada, o una evidencia no está en el repositorio, el reporte no se puede revisar ni contar en la evaluación.',
    defaultSeverity: 'error',
    scope: 'facts',
    hint: generalHint,
    messages,
    examples: {
      file: 'dependencias/OP/reportes/2019-T1.yaml',
      invalid: 'ppcs:\n  - id: OP-01\n    avances:\n      - meta: M7   # la carátula OP-01 sólo tiene M1\n        valor: 2\n        unidad_medida: km\n    evidencias:\n      - C:\\Users\\obras\\acta.pdf\n',
      valid: 'ppcs:\n  - id: OP-01\n    avances:\n      - meta: M1\n        valor: 2\n        unidad_medida: km\n    evidencias:\n      - dependencias/OP/evidencias/2019-T1/acta.pdf\n',
    },
  },
  // Which report a warning on case twins goes to depends on every report that cites them.
  keepsScope: (model) => twinGroupsOf(model.repoFiles).size === 0,
  check(model, report) {
    const observaciones = knownIds(model, 'retroalimentacion', model.retroalimentacion, (d) => d.observaciones.map((o) => o.id));
    const recomendaciones = knownIds(model, 'genero', model.genero, (d) => d.recomendaciones.map((r) => r.id));
    const departments = (file: string, path: PathSegment[], claves: readonly string[] | undefined, self?: string) =>
      checkDepartments(model, report, file, path, claves, self);
    const missingPpcs = missingPpcsReporter(model);
    const evidence = new EvidenceIndex(model.repoFiles);

    for (const folder of foldersWithoutCard(model)) {
      report({ messageId: 'sinFicha', file: folder.firstFile, data: { carpeta: folder.clave, clave: quote(folder.clave) }, hint: hints.sinFicha });
    }

    for (const { file, placement, data } of model.reportes) {
      const folder = placement.folder!;
      if (!model.departmentExists(data.dependencia)) report(missingDepartment(model, file, ['dependencia'], data.dependencia));
      const cited = (ruta: string, path: PathSegment[]) => {
        const problem = evidence.problemWith(ruta);
        if (problem) report(evidenceReport(problem, file, path, ruta, folder, placement.stem!));
        else evidence.reportTwins(ruta, file, path, report);
      };
      data.ppcs.forEach((entry, p) => {
        const at = (...rest: PathSegment[]): PathSegment[] => ['ppcs', p, ...rest];
        const caratula = resolvePpcs(model, entry.id, folder);
        if (caratula.kind === 'missing') report(missingPpcs(file, at('id'), entry.id, folder));
        if (caratula.kind === 'foreign') {
          const { doc } = caratula;
          report({
            messageId: 'ppcsAjeno',
            file,
            path: at('id'),
            data: { id: quote(entry.id), duena: quote(doc.placement.folder), caratula: doc.file, dependencia: quote(folder) },
            hint: hints.ppcsAjeno,
          });
        }
        // Metas are looked up only in the department's own carátula: against another
        // department's they would be a second finding for the wrong id reported above.
        const own = caratula.kind === 'own' ? caratula.doc : undefined;
        const metas = own ? (own.data.metas ?? []) : undefined;
        (entry.avances ?? []).forEach((avance, a) => {
          const meta = metas?.find((m) => m.id === avance.meta);
          if (metas && !meta) {
            const data = { meta: quote(avance.meta), id: quote(entry.id), metas: metas.map((m) => quote(m.id)).join(', ') };
            report({ messageId: metas.length > 0 ? 'meta' : 'metaSinMetas', file, path: at('avances', a, 'meta'), data, ...suggesting(closestId(avance.meta, metas.map((m) => m.id)), avance.meta) });
          }
          if (reportsAvanceUnit(model, avance.unidad_medida, meta?.indicador?.unidad_medida, own?.data.estatus === 'cancelado')) {
            report({
              messageId: 'unidad',
              file,
              path: at('avances', a, 'unidad_medida'),
              data: { unidad: quote(avance.unidad_medida) },
              ...(!model.unidades ? { hint: hints.sinCatalogo } : suggesting(closestId(avance.unidad_medida, [...model.unitsByClave.keys()]), avance.unidad_medida)),
            });
          }
        });
        departments(file, at('colaboraciones'), entry.colaboraciones, folder);
        (entry.evidencias ?? []).forEach((ruta, e) => cited(ruta, at('evidencias', e)));
        (entry.observaciones_atendidas ?? []).forEach((id, o) => {
          if (observaciones && !observaciones.has(id)) {
            report({ messageId: 'observacion', file, path: at('observaciones_atendidas', o), data: { id: quote(id) }, ...suggesting(closestId(id, [...observaciones]), id, hints.observacion) });
          }
        });
        (entry.recomendaciones_genero_aplicadas ?? []).forEach((id, r) => {
          if (recomendaciones && !recomendaciones.has(id)) {
            report({ messageId: 'recomendacion', file, path: at('recomendaciones_genero_aplicadas', r), data: { id: quote(id) }, ...suggesting(closestId(id, [...recomendaciones]), id) });
          }
        });
      });
      // The Plan de Mejora's quarterly statuses cite evidence the same way (PLAN062 checks the action ids).
      (data.plan_de_mejora ?? []).forEach((entry, s) => (entry.evidencias ?? []).forEach((ruta, e) => cited(ruta, ['plan_de_mejora', s, 'evidencias', e])));
    }
    // Twins no report cites still break a checkout: reported once, on the first of them.
    evidence.reportUncitedTwins(report);

    for (const { file, placement, data } of model.ppcs) {
      (data.actividades ?? []).forEach((actividad, a) => departments(file, ['actividades', a, 'participantes'], actividad.participantes, placement.folder));
    }

    for (const { file, data } of model.retroalimentacion) {
      data.observaciones.forEach((observacion, o) => {
        if (!model.departmentExists(observacion.dependencia)) report(missingDepartment(model, file, ['observaciones', o, 'dependencia'], observacion.dependencia));
        if (observacion.ppcs !== undefined && !model.ppcsExists(observacion.ppcs)) {
          const about = { dependencia: observacion.dependencia, ppcs: observacion.ppcs, trimestre: data.trimestre };
          report({ ...missingPpcs(file, ['observaciones', o, 'ppcs'], observacion.ppcs, observacion.dependencia), about });
        }
      });
    }

    for (const { file, data } of model.convocatorias) {
      data.convocatorias.forEach((convocatoria, c) => {
        departments(file, ['convocatorias', c, 'convocadas'], convocatoria.convocadas);
        departments(file, ['convocatorias', c, 'asistentes'], convocatoria.asistentes);
        (convocatoria.entregas ?? []).forEach((entrega, e) => {
          if (!model.departmentExists(entrega.dependencia)) report(missingDepartment(model, file, ['convocatorias', c, 'entregas', e, 'dependencia'], entrega.dependencia));
        });
      });
    }

    for (const { file, data } of model.genero) {
      data.recomendaciones.forEach((recomendacion, r) => departments(file, ['recomendaciones', r, 'dependencias'], recomendacion.dependencias));
    }
  },
});

function missingDepartment(model: PlanModel, file: string, path: PathSegment[], clave: string): RuleReport<'dependencia'> {
  return { messageId: 'dependencia', file, path, data: { clave: quote(clave), carpeta: clave }, ...suggesting(closestId(clave, model.departmentClaves()), clave) };
}

/**
 * The closest existing id to a mistyped one (`OP-1` → `OP-01`, `dif` → `DIF`), compared
 * without regard to case; undefined when nothing is near enough to be a typo.
 */
function closestId(id: string, existing: readonly string[]): string | undefined {
  return closestMatch(id.toUpperCase(), existing, (candidate) => [candidate.toUpperCase()]);
}

/**
 * A finding's hint with «¿Quiso decir …?» in front when there is a close existing id, and
 * the look-alike or invisible characters of what was `typed` named: a Cyrillic «О» or a
 * zero-width space makes the typed id and the suggestion look the same.
 */
function suggesting(parecido: string | undefined, typed: string, base: Text = generalHint, baseData: Params = {}): Pick<RuleReport, 'hint' | 'hintData'> {
  const odd = oddCharactersText(typed);
  if (parecido === undefined && !odd) return base === generalHint ? {} : { hint: base, hintData: baseData };
  const lead = (did: string, lang: 'es' | 'en') => [parecido === undefined ? '' : did, odd?.[lang] ?? ''].filter(Boolean).join(' ');
  return {
    hint: { es: `${lead('¿Quiso decir {parecido}?', 'es')} ${base.es}`, en: `${lead('Did you mean {parecido}?', 'en')} ${base.en}` },
    hintData: { ...baseData, ...(parecido === undefined ? {} : { parecido: quote(parecido) }) },
  };
}

/**
 * A PPCS id that no carátula declares. When git history shows its carátula was deleted,
 * the finding says so: deleting a PPCS that reports cite is the mistake, not the citation.
 */
function missingPpcsReporter(model: PlanModel): (file: string, path: PathSegment[], id: string, folder: string) => RuleReport<'ppcsBorrado' | 'ppcs'> {
  let deleted: Map<string, string> | undefined;
  const deletedCaratula = (id: string): string | undefined => {
    if (!model.history?.available) return undefined;
    if (!deleted) {
      deleted = new Map();
      for (const file of model.history.firstSeen.keys()) {
        const placement = placementOf(file);
        if (placement?.kind === 'ppcs' && !model.repoFiles.has(file) && !deleted.has(placement.stem!)) deleted.set(placement.stem!, file);
      }
    }
    return deleted.get(id);
  };
  return (file, path, id, folder): RuleReport<'ppcsBorrado' | 'ppcs'> => {
    const caratula = deletedCaratula(id);
    if (caratula) return { messageId: 'ppcsBorrado', file, path, data: { id: quote(id), caratula }, hint: hints.ppcsBorrado };
    // The reporting department's own PPCS come first: on a tie they are the likelier typo.
    const ids = [...model.ppcsOf(folder).map((doc) => doc.facts.id), ...model.ppcsById.keys()];
    return { messageId: 'ppcs', file, path, data: { id: quote(id) }, ...suggesting(closestId(id, ids), id, hints.ppcs) };
  };
}

/** Each clave of a list must be a department; `self`, when given, may not name itself. */
function checkDepartments(model: PlanModel, report: Report<'consigoMisma' | 'dependencia'>, file: string, path: PathSegment[], claves: readonly string[] | undefined, self?: string): void {
  (claves ?? []).forEach((clave, index) => {
    if (clave === self) {
      report({ messageId: 'consigoMisma', file, path: [...path, index], data: { clave: quote(clave), campo: String(path[path.length - 1]) }, hint: hints.consigoMisma });
    } else if (!model.departmentExists(clave)) {
      report(missingDepartment(model, file, [...path, index], clave));
    }
  });
}

/**
 * An avance unit missing from the catalog is reported here only when no other rule does:
 * when the meta's unit is known (catalogued, or there is no catalog to check it against),
 * an avance in any other unit is PLAN020's «not the meta's unit»; an avance in the meta's
 * own unit is reported once, on the carátula, by PLAN012 (which skips cancelled PPCS).
 */
function reportsAvanceUnit(model: PlanModel, unidad: string, esperada: string | undefined, cancelled: boolean): boolean {
  if (model.unitsUnreadable || model.unitsByClave.has(unidad)) return false;
  if (esperada === undefined) return true;
  if (unidad === esperada) return cancelled;
  const esperadaKnown = model.unidades === undefined || model.unitsByClave.has(esperada);
  return !esperadaKnown;
}

const MISNAMED_CARD = /^dependencia\.ya?ml$/i;

interface FolderWithoutCard {
  clave: string;
  /** Where the finding goes: the folder's first data file in path order. */
  firstFile: string;
}

/**
 * Department folders holding files but no dependencia.yaml (not even one that failed to
 * load). References to such a department are not reported one by one
 * (model.departmentExists accepts the folder): the missing card is reported once.
 */
function foldersWithoutCard(model: PlanModel): FolderWithoutCard[] {
  const result: FolderWithoutCard[] = [];
  const files = [...model.repoFiles.keys()].sort();
  for (const clave of [...model.departmentFolders].sort()) {
    if (model.departmentsByClave.has(clave) || model.unreadable.departments.has(clave)) continue;
    const inFolder = files.filter((file) => file.startsWith(`dependencias/${clave}/`));
    // `Dependencia.yaml` or `dependencia.yml`: the card is there, misnamed, and PLAN006 says so.
    if (inFolder.some((file) => MISNAMED_CARD.test(file.slice(`dependencias/${clave}/`.length)))) continue;
    const firstFile = inFolder.find((file) => placementOf(file) !== undefined) ?? inFolder[0];
    if (firstFile !== undefined) result.push({ clave, firstFile });
  }
  return result;
}

type PpcsResolution = { kind: 'own' | 'foreign'; doc: SourceDoc<Ppcs> } | { kind: 'missing' } | { kind: 'unknown' };

/**
 * The carátula a report entry refers to: one in the reporting department's own folder,
 * one of another department, none, or unknown when a file of that name failed to load
 * (its folder, and so its owner, cannot be told).
 */
function resolvePpcs(model: PlanModel, id: string, folder: string): PpcsResolution {
  const own = model.ppcsOf(folder).find((doc) => doc.facts.id === id);
  if (own) return { kind: 'own', doc: own };
  if (model.ppcsUnreadable(id)) return { kind: 'unknown' };
  const other = model.ppcsById.get(id);
  return other ? { kind: 'foreign', doc: other } : { kind: 'missing' };
}

/**
 * Ids declared by the documents of one kind; undefined when some file of that kind is in
 * the repo but did not load, since the id may live there and must not be called missing.
 */
function knownIds<T>(model: PlanModel, kind: FileKind, docs: readonly SourceDoc<T>[], idsOf: (data: T) => string[]): Set<string> | undefined {
  if (model.unreadable.kinds.has(kind)) return undefined;
  return new Set(docs.flatMap((d) => idsOf(d.data)));
}

// ---------------------------------------------------------------- evidence paths

type EvidenceProblem =
  | { kind: 'absoluta' }
  | { kind: 'diagonal' }
  | { kind: 'reservada'; nombre: string }
  | { kind: 'punto' | 'espacio'; nombre: string }
  | { kind: 'caracter'; nombre: string; caracter: string }
  | { kind: 'fuera' }
  | { kind: 'enlaceExterno'; enlace: string }
  | { kind: 'enlaceInterno'; enlace: string }
  | { kind: 'noExiste'; mayusculas?: string; parecida?: string };

// Windows device names: a file called NUL or con.txt cannot be checked out there.
const RESERVED_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])\s*(\..*)?$/i;

/**
 * A relative path of plain names (letters, digits, `_`, `-`, inner dots) joined by single
 * `/`: nothing Windows refuses, no `.`, `..` or empty segment, nothing to resolve.
 */
const SIMPLE_PATH = /^[\w-]+(?:\.[\w-]+)*(?:\/[\w-]+(?:\.[\w-]+)*)*$/;
/** RESERVED_NAME as a segment of a plain path (which has no spaces). */
const RESERVED_IN_PATH = /(?:^|\/)(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.[^/]*)?(?:\/|$)/i;

const withoutExtension = (name: string) => name.replace(/\.[^.]*$/, '');

// Characters Windows refuses in a file name (besides `/` and `\`, which are separators here).
const FORBIDDEN_CHARACTER = /[:<>"|?*\u0000-\u001f]/;
const EVIDENCE_FOLDER = /(^|\/)evidencias\//i;

/** How Windows and macOS compare names: case folded. */
const folded = (file: string) => file.toLowerCase();

const twinGroups = new WeakMap<ReadonlyMap<string, RepoEntry>, ReadonlyMap<string, string[]>>();

/** Repo files sharing a case-folded path with another, in path order, by folded path. */
function twinGroupsOf(repoFiles: ReadonlyMap<string, RepoEntry>): ReadonlyMap<string, string[]> {
  let twins = twinGroups.get(repoFiles);
  if (twins) return twins;
  // Usually no two paths fold alike: one pass says so, without sorting the listing.
  const seen = new Set<string>();
  for (const key of repoFiles.keys()) seen.add(folded(key));
  if (seen.size === repoFiles.size) {
    twins = new Map();
  } else {
    const byFolded = new Map<string, string[]>();
    for (const key of [...repoFiles.keys()].sort()) {
      const group = byFolded.get(folded(key));
      if (group) group.push(key);
      else byFolded.set(folded(key), [key]);
    }
    twins = new Map([...byFolded].filter(([, group]) => group.length > 1));
  }
  twinGroups.set(repoFiles, twins);
  return twins;
}

/** A name Windows cannot hold (`acta.`, `acta `, `a:b.pdf`), or undefined. */
function windowsNameProblem(segment: string): EvidenceProblem | undefined {
  if (segment === '.' || segment === '..') return undefined;
  const character = FORBIDDEN_CHARACTER.exec(segment)?.[0];
  if (character !== undefined) return { kind: 'caracter', nombre: segment, caracter: character };
  if (segment.endsWith('.')) return { kind: 'punto', nombre: segment };
  if (segment.endsWith(' ')) return { kind: 'espacio', nombre: segment };
  return undefined;
}

/** The same path with names Windows accepts, or undefined when a name would be left empty. */
function windowsSafePath(ruta: string): string | undefined {
  const segments = ruta.split('/').map((s) => (s === '.' || s === '..' ? s : s.replace(new RegExp(FORBIDDEN_CHARACTER, 'g'), '-').replace(/[. ]+$/, '')));
  return segments.some((s) => s === '') ? undefined : segments.join('/');
}

/**
 * The repo's files, indexed on first need for the «did you mean» of a missing evidence
 * file: one pass over the listing however many evidence paths are wrong.
 */
class EvidenceIndex {
  private byLowerCase: Map<string, string> | undefined;
  private byFolder: Map<string, string[]> | undefined;
  private symlinks: boolean | undefined;
  /** Groups of twins already reported, by folded path: one finding per group. */
  private readonly reportedTwins = new Set<string>();

  constructor(private readonly repoFiles: ReadonlyMap<string, RepoEntry>) {}

  /**
   * A warning when the cited file has twins that differ only in case (`acta.pdf`, `Acta.pdf`):
   * git on Linux keeps both, a Windows or macOS checkout keeps one. Once per group.
   */
  reportTwins(ruta: string, file: string, path: PathSegment[], report: Report<'evidenciaGemela'>): void {
    const twins = twinGroupsOf(this.repoFiles);
    // Most repos have no twins at all: nothing to resolve.
    if (twins.size === 0) return;
    const resolved = normalized(ruta);
    const key = folded(resolved);
    const group = twins.get(key);
    if (!group || this.reportedTwins.has(key)) return;
    this.reportedTwins.add(key);
    const archivos = [resolved, ...group.filter((twin) => twin !== resolved)].map((twin) => quote(twin, 120)).join(', ');
    report({ messageId: 'evidenciaGemela', file, path, severity: 'warning', data: { archivos }, hint: hints.evidenciaGemela });
  }

  /** The same warning for twins in evidence folders that no report cites, on the first of them. */
  reportUncitedTwins(report: Report<'evidenciaGemela'>): void {
    for (const [key, group] of twinGroupsOf(this.repoFiles)) {
      if (this.reportedTwins.has(key) || !group.some((member) => EVIDENCE_FOLDER.test(member))) continue;
      this.reportedTwins.add(key);
      const archivos = group.map((twin) => quote(twin, 120)).join(', ');
      report({ messageId: 'evidenciaGemela', file: group[0]!, severity: 'warning', data: { archivos }, hint: hints.evidenciaGemela });
    }
  }

  /**
   * Why an evidence path cannot be accepted, or undefined when it names a regular file of
   * the repo. The repo listing does not follow symlinks, so a path through a linked folder
   * is never trusted: its target is not part of what the repo holds.
   */
  problemWith(ruta: string): EvidenceProblem | undefined {
    // Nearly every path is plain (`dependencias/OP/evidencias/2019-T1/acta.pdf`) and names a
    // file: with no symlink in the repo and no reserved name, every check below passes and
    // the path resolves to itself, so only the lookup is left.
    if (SIMPLE_PATH.test(ruta) && !RESERVED_IN_PATH.test(ruta) && !this.hasSymlinks() && this.repoFiles.has(ruta)) return undefined;
    if (/^([/\\]|[A-Za-z]:)/.test(ruta)) return { kind: 'absoluta' };
    if (ruta.includes('\\')) return { kind: 'diagonal' };
    const segments = ruta.split('/');
    const reserved = segments.find((s) => RESERVED_NAME.test(s));
    if (reserved !== undefined) return { kind: 'reservada', nombre: reserved };
    for (const segment of segments) {
      const problem = windowsNameProblem(segment);
      if (problem) return problem;
    }

    const resolved: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (resolved.length === 0) return { kind: 'fuera' };
        resolved.pop();
        continue;
      }
      resolved.push(segment);
      // Only a symlink on the way can refuse the path: without any in the repo, no prefix needs looking up.
      if (!this.hasSymlinks()) continue;
      const entry = this.repoFiles.get(resolved.join('/'));
      const last = segments.slice(i + 1).every((s) => s === '' || s === '.');
      if (entry?.symlink && (entry.escapesRepo || !last)) {
        return { kind: entry.escapesRepo ? 'enlaceExterno' : 'enlaceInterno', enlace: entry.path };
      }
    }
    const path = resolved.join('/');
    if (this.repoFiles.has(path)) return undefined;
    const mayusculas = this.lowerCase().get(path.toLowerCase());
    if (mayusculas) return { kind: 'noExiste', mayusculas };
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    const name = path.slice(folder.length);
    const names = this.folders().get(folder) ?? [];
    // `acta.pdf` for `acta.txt`: the extension is the likeliest thing to be wrong.
    const parecida = names.find((candidate) => withoutExtension(candidate) === withoutExtension(name)) ?? closestMatch(name, names, (candidate) => [candidate]);
    return parecida === undefined ? { kind: 'noExiste' } : { kind: 'noExiste', parecida: folder + parecida };
  }

  private hasSymlinks(): boolean {
    if (this.symlinks === undefined) {
      this.symlinks = false;
      for (const entry of this.repoFiles.values()) if (entry.symlink) this.symlinks = true;
    }
    return this.symlinks;
  }

  private lowerCase(): Map<string, string> {
    if (!this.byLowerCase) {
      this.byLowerCase = new Map();
      for (const key of this.repoFiles.keys()) if (!this.byLowerCase.has(key.toLowerCase())) this.byLowerCase.set(key.toLowerCase(), key);
    }
    return this.byLowerCase;
  }

  /** File names by folder (`dependencias/OP/evidencias/2019-T1/` → names in it). */
  private folders(): Map<string, string[]> {
    if (!this.byFolder) {
      this.byFolder = new Map();
      for (const key of [...this.repoFiles.keys()].sort()) {
        const cut = key.lastIndexOf('/') + 1;
        const names = this.byFolder.get(key.slice(0, cut));
        if (names) names.push(key.slice(cut));
        else this.byFolder.set(key.slice(0, cut), [key.slice(cut)]);
      }
    }
    return this.byFolder;
  }
}

type EvidenceMessage =
  | 'evidenciaAbsoluta'
  | 'evidenciaDiagonal'
  | 'evidenciaReservada'
  | 'evidenciaPunto'
  | 'evidenciaEspacio'
  | 'evidenciaCaracter'
  | 'evidenciaFuera'
  | 'evidenciaEnlaceExterno'
  | 'evidenciaEnlaceInterno'
  | 'evidenciaNoExiste';

function evidenceReport(problem: EvidenceProblem, file: string, path: PathSegment[], ruta: string, carpeta: string, trimestre: string): RuleReport<EvidenceMessage> {
  const base = { file, path, hint: hints.evidencia, hintData: { carpeta, trimestre } };
  const data = { ruta: quote(ruta, 120), carpeta, trimestre };
  switch (problem.kind) {
    case 'absoluta':
      return { ...base, messageId: 'evidenciaAbsoluta', data };
    case 'diagonal':
      return { ...base, messageId: 'evidenciaDiagonal', data: { ...data, corregida: quote(ruta.replace(/\\/g, '/'), 120) } };
    case 'reservada':
      return { ...base, messageId: 'evidenciaReservada', data: { ...data, nombre: quote(problem.nombre) } };
    case 'punto':
    case 'espacio':
    case 'caracter': {
      const sugerida = windowsSafePath(ruta);
      const hint = sugerida === undefined ? { hint: hints.evidenciaNombreSinSugerencia } : { hint: hints.evidenciaNombre, hintData: { sugerida: quote(sugerida, 120) } };
      const messageId = problem.kind === 'punto' ? 'evidenciaPunto' : problem.kind === 'espacio' ? 'evidenciaEspacio' : 'evidenciaCaracter';
      const named: Params = { ...data, nombre: quote(problem.nombre) };
      if (problem.kind === 'caracter') named.caracter = characterName(problem.caracter);
      return { file, path, messageId, data: named, ...hint };
    }
    case 'fuera':
      return { ...base, messageId: 'evidenciaFuera', data };
    case 'enlaceExterno':
      return { ...base, messageId: 'evidenciaEnlaceExterno', data: { ...data, enlace: quote(problem.enlace, 120) } };
    case 'enlaceInterno':
      return { ...base, messageId: 'evidenciaEnlaceInterno', data: { ...data, enlace: quote(problem.enlace, 120) } };
    case 'noExiste':
      if (problem.mayusculas) return { file, path, messageId: 'evidenciaNoExiste', data, hint: hints.evidenciaMayusculas, hintData: { parecida: quote(problem.mayusculas, 120) } };
      return { file, path, messageId: 'evidenciaNoExiste', data, ...suggesting(problem.parecida, ruta, hints.evidenciaNoExiste) };
  }
}

/** `«:»`, or the code point of a control character, which would not show. */
function characterName(character: string): string {
  const code = character.codePointAt(0)!;
  return code < 0x20 ? codePointOf(code) : quote(character);
}

/** A relative evidence path without `.` and empty names, `..` applied (problemWith has refused escapes). */
function normalized(ruta: string): string {
  const resolved: string[] = [];
  for (const segment of ruta.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') resolved.pop();
    else resolved.push(segment);
  }
  return resolved.join('/');
}
