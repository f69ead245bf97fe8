import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadPlan } from '../../src/load.js';
import { PLAN004 } from '../../src/rules/PLAN004-referencia-inexistente.js';
import { placeFindings, runRules } from '../../src/validate.js';
import { baseRepo, checkRule, DEFAULT_CUTOFF, lineOf, validateFiles, where, writeRepo, type Files } from '../helpers/fixture.js';

const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_REPORT = 'dependencias/DIF/reportes/2019-T1.yaml';
const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const RETRO = 'planeacion/retroalimentacion/2019-T1.yaml';
const ACTA = 'dependencias/OP/evidencias/2019-T1/acta.txt';

const at = (files: Files, file: string, needle: string, after?: string) => `PLAN004 ${file}:${lineOf(files, file, needle, after)}`;
const only = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.rule === 'PLAN004');

function withEvidence(...evidencias: string[]) {
  const files = baseRepo();
  files[REPORT].ppcs[0].evidencias = evidencias;
  return files;
}

function retroalimentacion(observaciones: object[]) {
  return { trimestre: '2019-T1', fecha_emision: '2019-04-05', observaciones };
}

// Symlinks cannot be described as fixture content: write the repo, link, then run
// the rule the way checkRule does.
const outside: string[] = [];
afterEach(() => {
  for (const dir of outside.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function outsideFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-fuera-'));
  outside.push(dir);
  writeFileSync(path.join(dir, 'acta.txt'), 'Fuera del repositorio.\n');
  return dir;
}

function checkWithLinks(files: Files, links: Record<string, string>): Diagnostic[] {
  const root = writeRepo(files);
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    symlinkSync(target, path.join(root, link));
  }
  const loaded = loadPlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
  return placeFindings([...loaded.findings, ...runRules(loaded.model, 'es', [PLAN004])], loaded.sources, loaded.model.config);
}

describe('PLAN004 reference to something that does not exist', () => {
  it('accepts a repository whose references all exist', () => {
    expect(checkRule(PLAN004, baseRepo())).toEqual([]);
  });

  it('accepts a report entry that carries only its PPCS id', () => {
    const files = baseRepo();
    files[REPORT].ppcs = [{ id: 'OP-01' }];
    expect(checkRule(PLAN004, files)).toEqual([]);
  });

  describe('departments', () => {
    it('reports a report whose dependencia has no dependencia.yaml', () => {
      const files = baseRepo();
      files[REPORT].dependencia = 'OBRAS';
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'dependencia:')]);
      expect(diagnostics[0]!.severity).toBe('error');
      expect(diagnostics[0]!.message).toBe('La dependencia «OBRAS» no existe: no hay un archivo «dependencias/OBRAS/dependencia.yaml».');
    });

    it('reports a department folder without dependencia.yaml once, on line 1 of its first data file', () => {
      const files = baseRepo();
      delete files['dependencias/OP/dependencia.yaml'];
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([`PLAN004 ${OP01}:1`]);
      expect(diagnostics[0]!.severity).toBe('error');
      expect(diagnostics[0]!.message).toBe('La carpeta «dependencias/OP/» no tiene «dependencia.yaml» (la ficha de la dependencia), así que la dependencia «OP» no está registrada.');
      expect(diagnostics[0]!.hint).toBe(
        'Cree «dependencias/OP/dependencia.yaml» con la clave (OP), el nombre, el titular, el enlace y las evaluaciones de la dependencia por año («evaluaciones», con al menos la del año anterior al ejercicio).',
      );
    });

    it('reports a folder holding only evidence on its first file', () => {
      const files = baseRepo();
      files['dependencias/SSP/evidencias/2019-T1/foto.txt'] = 'Foto.\n';
      expect(where(checkRule(PLAN004, files))).toEqual(['PLAN004 dependencias/SSP/evidencias/2019-T1/foto.txt:1']);
    });

    it('leaves a misnamed dependencia.yaml to PLAN006 rather than calling it missing', () => {
      const files = baseRepo();
      files['dependencias/OP/dependencia.yml'] = files['dependencias/OP/dependencia.yaml'];
      delete files['dependencias/OP/dependencia.yaml'];
      expect(only(checkRule(PLAN004, files))).toEqual([]);
    });

    it('does not report a department whose dependencia.yaml exists but cannot be read', () => {
      const files = baseRepo();
      files['dependencias/OP/dependencia.yaml'] = 'clave: [OP\n';
      const diagnostics = checkRule(PLAN004, files);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(only(diagnostics)).toEqual([]);
    });

    it('reports an unknown department in a report’s colaboraciones', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].colaboraciones = ['DIF', 'SSP'];
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, REPORT, '- SSP')]);
    });

    it('reports a department collaborating with itself in its report', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].colaboraciones = ['DIF', 'OP'];
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, '- OP', 'colaboraciones')]);
      expect(diagnostics[0]!.message).toBe('La dependencia «OP» no puede colaborar consigo misma: en «colaboraciones» sólo se nombran otras dependencias.');
    });

    it('reports a department listed among the participantes of its own PPCS', () => {
      const files = baseRepo();
      files[OP01].actividades[0].participantes = ['OP'];
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, OP01, '- OP', 'participantes')]);
      expect(diagnostics[0]!.message).toContain('no puede colaborar consigo misma: en «participantes»');
    });

    it('reports an unknown department among the participantes of an activity', () => {
      const files = baseRepo();
      files[OP01].actividades.push({ descripcion: 'Alumbrado de calles nuevas', participantes: ['SP'] });
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, OP01, '- SP')]);
    });

    it('reports an unknown department and PPCS in a feedback observation', () => {
      const files = baseRepo();
      files[RETRO] = retroalimentacion([{ id: 'RET-01', dependencia: 'SSP', ppcs: 'SSP-01', tipo: 'observacion', texto: 'Falta evidencia.' }]);
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, RETRO, 'dependencia: SSP'), at(files, RETRO, 'ppcs: SSP-01')]);
    });

    it('reports unknown departments convened, attending and delivering in a call', () => {
      const files = baseRepo();
      const file = 'planeacion/convocatorias/2019.yaml';
      files[file] = {
        ejercicio: 2019,
        convocatorias: [
          {
            id: 'CONV-01',
            fecha: '2019-02-11',
            asunto: 'Entrega de carátulas',
            convocadas: ['OP', 'TES'],
            asistentes: ['OP', 'SIND'],
            fecha_limite_entrega: '2019-02-20',
            entregas: [{ dependencia: 'CULT', fecha: '2019-02-19' }],
          },
        ],
      };
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, file, '- TES'), at(files, file, '- SIND'), at(files, file, 'dependencia: CULT')]);
    });

    it('reports an unknown department addressed by a gender recommendation', () => {
      const files = baseRepo();
      const file = 'planeacion/genero/2019.yaml';
      files[file] = { ejercicio: 2019, recomendaciones: [{ id: 'GEN-2019-01', fecha: '2019-03-01', dependencias: ['DIF', 'IMM'], recomendacion: 'Desagregar por sexo.' }] };
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, file, '- IMM')]);
    });
  });

  describe('PPCS and metas', () => {
    it('reports a report entry for a PPCS no carátula declares', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].id = 'OP-09';
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'id: OP-09')]);
      expect(diagnostics[0]!.message).toBe('El PPCS «OP-09» no existe: ninguna carátula en «dependencias/<CLAVE>/ppcs/» lo declara.');
    });

    it('reports a report entry for a PPCS of another department', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].id = 'DIF-01';
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'id: DIF-01')]);
      expect(diagnostics[0]!.message).toBe(
        'El PPCS «DIF-01» pertenece a la dependencia «DIF» (su carátula es «dependencias/DIF/ppcs/DIF-01.yaml»), no a «OP»; cada dependencia reporta sólo sus propios PPCS.',
      );
    });

    it('is the only rule to report a report entry naming another department’s PPCS', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].id = 'DIF-01';
      expect(where(validateFiles(files))).toEqual([at(files, REPORT, 'id: DIF-01')]);
    });

    it('does not look up the metas of another department’s PPCS', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].id = 'DIF-01';
      files[REPORT].ppcs[0].avances[0].meta = 'M7';
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, REPORT, 'id: DIF-01')]);
    });

    it('does not report a PPCS whose carátula exists but cannot be read', () => {
      const files = baseRepo();
      files['dependencias/OP/ppcs/OP-02.yaml'] = 'id: OP-02\nid: OP-02\n';
      files[REPORT].ppcs.push({ id: 'OP-02', estatus: 'activo', avances: [{ meta: 'M4', valor: 1, unidad_medida: 'km' }] });
      expect(only(checkRule(PLAN004, files))).toEqual([]);
    });

    it('reports an avance for a meta the carátula does not have, listing its metas', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].avances[0].meta = 'M7';
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'meta: M7')]);
      expect(diagnostics[0]!.message).toBe('La meta «M7» no existe en la carátula del PPCS «OP-01»; sus metas son «M1».');
    });

    it('reports an avance against a carátula that declares no metas', () => {
      const files = baseRepo();
      delete files[OP01].metas;
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'meta: M1')]);
      expect(diagnostics[0]!.message).toBe('La meta «M1» no existe: la carátula del PPCS «OP-01» no declara ninguna meta.');
    });
  });

  describe('units, observations and gender recommendations', () => {
    it('reports an avance unit missing from the catalog when its meta’s unit is not catalogued either', () => {
      const files = baseRepo();
      files[OP01].metas[0].indicador.unidad_medida = 'kilometro';
      files[REPORT].ppcs[0].avances[0].unidad_medida = 'kilometros';
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'unidad_medida: kilometros')]);
      expect(diagnostics[0]!.message).toBe('La unidad de medida «kilometros» no está en el catálogo de unidades de Planeación («catalogos/unidades-de-medida.yaml»).');
      expect(diagnostics[0]!.hint).toBe(PLAN004.meta.hint.es);
    });

    it('reports an avance unit missing from the catalog when its meta has no unit', () => {
      const files = baseRepo();
      delete files[OP01].metas[0].indicador.unidad_medida;
      files[REPORT].ppcs[0].avances[0].unidad_medida = 'metros2';
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, REPORT, 'unidad_medida: metros2')]);
    });

    it('leaves an uncatalogued avance unit to PLAN020 when the meta’s unit is catalogued', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].avances[0].unidad_medida = 'metros2';
      expect(checkRule(PLAN004, files)).toEqual([]);
    });

    it('leaves an avance in its meta’s own uncatalogued unit to PLAN012, on the carátula', () => {
      const files = baseRepo();
      files['catalogos/unidades-de-medida.yaml'].unidades.shift();
      expect(checkRule(PLAN004, files)).toEqual([]);
      expect(where(validateFiles(files))).toEqual([`PLAN012 ${OP01}:${lineOf(files, OP01, 'unidad_medida: km')}`]);
    });

    it('reports an avance in its meta’s uncatalogued unit when the carátula is cancelled (PLAN012 skips it)', () => {
      const files = baseRepo();
      files['catalogos/unidades-de-medida.yaml'].unidades.shift();
      files[OP01].estatus = 'cancelado';
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, REPORT, 'unidad_medida: km')]);
    });

    it('leaves a catalog unit that differs from the meta’s unit to PLAN020', () => {
      const files = baseRepo();
      files[REPORT].ppcs[0].avances[0].unidad_medida = 'persona';
      expect(checkRule(PLAN004, files)).toEqual([]);
    });

    it('does not check avance units when the catalog cannot be read', () => {
      const files = baseRepo();
      files['catalogos/unidades-de-medida.yaml'] = 'unidades: [\n';
      files[REPORT].ppcs[0].avances[0].unidad_medida = 'kilometros';
      expect(only(checkRule(PLAN004, files))).toEqual([]);
    });

    it('without any catalog, reports only the avance units no other rule reports, with a hint to create it', () => {
      const files = baseRepo();
      delete files['catalogos/unidades-de-medida.yaml'];
      delete files[DIF01].metas[0].indicador.unidad_medida;
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, DIF_REPORT, 'unidad_medida: persona')]);
      expect(diagnostics[0]!.hint).toBe('Cree «catalogos/unidades-de-medida.yaml» con las unidades de medida asignadas y validadas por Planeación.');
    });

    it('reports an attended observation that no feedback file contains', () => {
      const files = baseRepo();
      files[RETRO] = retroalimentacion([{ id: 'RET-2019-T1-01', dependencia: 'OP', tipo: 'observacion', texto: 'Falta evidencia.' }]);
      files[REPORT].ppcs[0].observaciones_atendidas = ['RET-2019-T1-01', 'RET-2019-T1-09'];
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, REPORT, '- RET-2019-T1-09')]);
    });

    it('does not report attended observations while a feedback file cannot be read', () => {
      const files = baseRepo();
      files[RETRO] = 'trimestre: 2019-T1\nobservaciones: [\n';
      files[REPORT].ppcs[0].observaciones_atendidas = ['RET-2019-T1-09'];
      expect(only(checkRule(PLAN004, files))).toEqual([]);
    });

    it('reports an applied gender recommendation that no genero file contains', () => {
      const files = baseRepo();
      files['planeacion/genero/2019.yaml'] = { ejercicio: 2019, recomendaciones: [{ id: 'GEN-2019-01', fecha: '2019-03-01', dependencias: ['DIF'], recomendacion: 'Desagregar por sexo.' }] };
      files[DIF_REPORT].ppcs[0].recomendaciones_genero_aplicadas = ['GEN-2019-01', 'GEN-2019-02'];
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, DIF_REPORT, '- GEN-2019-02')]);
      expect(diagnostics[0]!.message).toBe('La recomendación de género «GEN-2019-02» no existe en ningún archivo de «planeacion/genero/».');
    });
  });

  describe('evidence paths', () => {
    it('reports absolute paths: POSIX, Windows drive and network share', () => {
      const files = withEvidence('/etc/passwd', 'C:\\Users\\obras\\acta.pdf', '\\\\servidor\\compartido\\acta.pdf');
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, '/etc/passwd'), at(files, REPORT, 'Users'), at(files, REPORT, 'servidor')]);
      expect(diagnostics[0]!.message).toBe('La evidencia «/etc/passwd» es una ruta absoluta de su computadora; en el repositorio la ruta se escribe relativa a su raíz.');
      for (const d of diagnostics) expect(d.message).toContain('es una ruta absoluta');
    });

    it('reports a path that leaves the repository through ..', () => {
      const files = withEvidence('../../etc/passwd', 'dependencias/../../secreto.txt');
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, '../../etc/passwd'), at(files, REPORT, 'secreto')]);
      expect(diagnostics[0]!.message).toBe('La evidencia «../../etc/passwd» sale del repositorio con «..»; las evidencias deben estar dentro del repositorio.');
    });

    it('accepts a path whose .. stays inside the repository and reaches an existing file', () => {
      expect(checkRule(PLAN004, withEvidence('dependencias/OP/../OP/evidencias/2019-T1/acta.txt', `./${ACTA}`))).toEqual([]);
    });

    it('reports backslashes, showing the path written with /', () => {
      const files = withEvidence('dependencias\\OP\\evidencias\\2019-T1\\acta.txt');
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'acta.txt', 'evidencias:')]);
      expect(diagnostics[0]!.message).toContain(`se usa «/»: «${ACTA}»`);
    });

    it('reports Windows reserved device names in any segment, any case, with or without extension', () => {
      const files = withEvidence('dependencias/OP/evidencias/CON', 'dependencias/OP/evidencias/nul.txt', 'dependencias/OP/Lpt1/acta.pdf', 'dependencias/OP/evidencias/com9.tar.gz');
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, '/CON'), at(files, REPORT, 'nul.txt'), at(files, REPORT, 'Lpt1'), at(files, REPORT, 'com9')]);
      expect(diagnostics[1]!.message).toContain('usa el nombre «nul.txt», reservado por Windows');
    });

    it('accepts names that merely start like a reserved name', () => {
      const files = withEvidence(ACTA);
      files['dependencias/OP/evidencias/console.txt'] = 'x\n';
      files['dependencias/OP/evidencias/com10.txt'] = 'x\n';
      files[REPORT].ppcs[0].evidencias.push('dependencias/OP/evidencias/console.txt', 'dependencias/OP/evidencias/com10.txt');
      expect(checkRule(PLAN004, files)).toEqual([]);
    });

    it('reports an evidence file that is not in the repository, asking to commit it', () => {
      const files = withEvidence('dependencias/OP/evidencias/2019-T1/fotos.zip');
      const diagnostics = checkRule(PLAN004, files);
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'fotos.zip')]);
      expect(diagnostics[0]!.message).toBe('El archivo de evidencia «dependencias/OP/evidencias/2019-T1/fotos.zip» no existe en el repositorio.');
      expect(diagnostics[0]!.hint).toContain('Agregue el archivo de evidencia en esa ruta y haga commit');
    });

    it('points to the file that differs only in letter case', () => {
      const diagnostics = checkRule(PLAN004, withEvidence('dependencias/OP/evidencias/2019-T1/ACTA.txt'));
      expect(diagnostics[0]!.hint).toBe(`Existe «${ACTA}», que sólo difiere en mayúsculas y minúsculas; escriba la ruta exactamente igual.`);
    });

    it('reports a folder given as evidence', () => {
      const files = withEvidence('dependencias/OP/evidencias/2019-T1');
      expect(where(checkRule(PLAN004, files))).toEqual([at(files, REPORT, '2019-T1', 'evidencias:')]);
    });

    it('reports an evidence file that is a symlink pointing outside the repository', () => {
      const files = withEvidence('dependencias/OP/evidencias/2019-T1/externo.txt');
      const diagnostics = checkWithLinks(files, { 'dependencias/OP/evidencias/2019-T1/externo.txt': path.join(outsideFolder(), 'acta.txt') });
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'externo.txt')]);
      expect(diagnostics[0]!.message).toBe(
        'La evidencia «dependencias/OP/evidencias/2019-T1/externo.txt» apunta fuera del repositorio: «dependencias/OP/evidencias/2019-T1/externo.txt» es un enlace simbólico hacia otro lugar (o hacia nada), y Planeación sólo puede revisar archivos guardados en el repositorio.',
      );
    });

    it('reports an evidence file that is a dangling symlink', () => {
      const files = withEvidence('dependencias/OP/evidencias/2019-T1/roto.txt');
      const diagnostics = checkWithLinks(files, { 'dependencias/OP/evidencias/2019-T1/roto.txt': 'no-existe.txt' });
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'roto.txt')]);
      expect(diagnostics[0]!.message).toContain('apunta fuera del repositorio');
    });

    it('accepts an evidence symlink to a file inside the repository', () => {
      const files = withEvidence('dependencias/OP/evidencias/2019-T1/copia.txt');
      expect(checkWithLinks(files, { 'dependencias/OP/evidencias/2019-T1/copia.txt': 'acta.txt' })).toEqual([]);
    });

    it('reports a path under a symlinked folder that points outside the repository', () => {
      const files = withEvidence('dependencias/OP/evidencias/compartida/acta.txt');
      const diagnostics = checkWithLinks(files, { 'dependencias/OP/evidencias/compartida': outsideFolder() });
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'compartida')]);
      expect(diagnostics[0]!.message).toContain('apunta fuera del repositorio: «dependencias/OP/evidencias/compartida» es un enlace simbólico');
    });

    it('reports a path under a symlinked folder inside the repository, asking for the real path', () => {
      const files = withEvidence('dependencias/OP/evidencias/actual/acta.txt');
      const diagnostics = checkWithLinks(files, { 'dependencias/OP/evidencias/actual': '2019-T1' });
      expect(where(diagnostics)).toEqual([at(files, REPORT, 'actual')]);
      expect(diagnostics[0]!.message).toBe(
        'La evidencia «dependencias/OP/evidencias/actual/acta.txt» pasa por «dependencias/OP/evidencias/actual», un enlace simbólico a otra carpeta; escriba la ruta real del archivo.',
      );
    });
  });
});

describe('PLAN004 suggests what the user probably meant', () => {
  const hintOf = (files: Files) => only(checkRule(PLAN004, files)).map((d) => d.hint);

  it('suggests the closest department', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].colaboraciones = ['DIFE'];
    expect(hintOf(files)).toEqual(['¿Quiso decir «DIF»? Escriba una clave que exista, tal como aparece en su archivo de origen; si el elemento es nuevo, agregue primero su archivo.']);
  });

  it('suggests the closest PPCS and says what to do if its carátula was deleted', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].id = 'OP-001';
    expect(hintOf(files)).toEqual([
      '¿Quiso decir «OP-01»? Si se borró su carátula, restaure el archivo o márquelo «estatus: cancelado» en lugar de borrarlo; si es un error de captura, escriba el id de un PPCS existente.',
    ]);
  });

  it('gives the deletion advice alone when no PPCS is close', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].id = 'PAV-99';
    expect(hintOf(files)).toEqual(['Si se borró su carátula, restaure el archivo o márquelo «estatus: cancelado» en lugar de borrarlo; si es un error de captura, escriba el id de un PPCS existente.']);
  });

  it('says a carátula was deleted when git history shows it, naming the file', () => {
    const files = baseRepo();
    const root = writeRepo(files);
    rmSync(path.join(root, OP01));
    const loaded = loadPlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
    loaded.model.history = { available: true, firstSeen: new Map([[OP01, '2019-01-10']]) };
    const diagnostics = only(placeFindings([...loaded.findings, ...runRules(loaded.model, 'es', [PLAN004])], loaded.sources, loaded.model.config));
    expect(diagnostics.map((d) => [`${d.file}:${d.line}`, d.message, d.hint])).toEqual([
      [
        `${REPORT}:${lineOf(files, REPORT, 'id: OP-01')}`,
        'El PPCS «OP-01» no existe: su carátula «dependencias/OP/ppcs/OP-01.yaml» se borró del repositorio, pero aquí se sigue citando.',
        'Restaure el archivo o márquelo «estatus: cancelado» en lugar de borrarlo: los reportes que ya se entregaron lo citan.',
      ],
    ]);
  });

  it('suggests the closest meta of the carátula', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].avances[0].meta = 'M11';
    expect(hintOf(files)[0]).toMatch(/^¿Quiso decir «M1»\? /);
  });

  it('suggests the closest observation, keeping the advice to copy it from the feedback file', () => {
    const files = baseRepo();
    files[RETRO] = retroalimentacion([{ id: 'RET-2019-T1-01', dependencia: 'OP', tipo: 'observacion', texto: 'Adjuntar fotografías.' }]);
    files[REPORT].ppcs[0].observaciones_atendidas = ['RET-2019-T1-1'];
    expect(hintOf(files)).toEqual(['¿Quiso decir «RET-2019-T1-01»? Copie la clave tal como aparece en el formato de retroalimentación que emitió Planeación.']);
  });

  it('suggests an evidence file of the same folder with a close name', () => {
    const files = { ...withEvidence('dependencias/OP/evidencias/2019-T1/acta.pdf'), [ACTA]: 'Acta de entrega.\n' };
    expect(hintOf(files)).toEqual([
      '¿Quiso decir «dependencias/OP/evidencias/2019-T1/acta.txt»? Agregue el archivo de evidencia en esa ruta y haga commit junto con el reporte, o corrija la ruta (se distinguen mayúsculas y minúsculas).',
    ]);
  });

  it('keeps the general advice alone when no existing key is close', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].colaboraciones = ['TESORERIA'];
    expect(hintOf(files)).toEqual(['Escriba una clave que exista, tal como aparece en su archivo de origen; si el elemento es nuevo, agregue primero su archivo.']);
  });
});
