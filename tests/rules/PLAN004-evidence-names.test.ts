// Evidence names a Windows or macOS checkout cannot hold: a name ending in a dot or a space,
// or with a character Windows refuses, is an error; files that differ only in case are a
// warning (the repo works on Linux, but a checkout elsewhere keeps only one of them).
import { describe, expect, it } from 'vitest';
import { PLAN004 } from '../../src/rules/PLAN004-referencia-inexistente.js';
import { baseRepo, checkRule, lineOf, validateFiles, where, type Files } from '../helpers/fixture.js';

const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';
const FOLDER = 'dependencias/OP/evidencias/2019-T1';

const at = (files: Files, needle: string, after = 'evidencias:') => `PLAN004 ${REPORT}:${lineOf(files, REPORT, needle, after)}`;

/** The base repo with these evidence files stored and the OP report citing `cited`. */
function repoWith(stored: string[], cited: string[]): Files & Record<string, any> {
  const files = baseRepo();
  for (const name of stored) files[`${FOLDER}/${name}`] = `Evidencia ${name}.\n`;
  files[REPORT].ppcs[0].evidencias = cited.map((name) => `${FOLDER}/${name}`);
  return files;
}

describe('PLAN004 evidence names Windows cannot hold', () => {
  it('refuses a name ending in a dot, with the name and a corrected path', () => {
    const files = repoWith(['acta.'], ['acta.']);
    const [finding, ...rest] = checkRule(PLAN004, files);
    expect(rest).toEqual([]);
    expect(where([finding!])).toEqual([at(files, 'acta.')]);
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toBe(
      `La evidencia «${FOLDER}/acta.» usa el nombre «acta.», que termina en punto: Windows quita ese punto final, así que el archivo no se puede abrir ni copiar en Windows.`,
    );
    expect(finding!.hint).toBe(`Cambie el nombre en el repositorio (git mv) y en esta lista, por ejemplo a «${FOLDER}/acta».`);
  });

  it('refuses a name ending in a space', () => {
    const files = repoWith(['acta.pdf '], ['acta.pdf ']);
    const diagnostics = checkRule(PLAN004, files);
    expect(where(diagnostics)).toEqual([at(files, 'acta.pdf ')]);
    expect(diagnostics[0]!.message).toBe(
      `La evidencia «${FOLDER}/acta.pdf » usa el nombre «acta.pdf », que termina en un espacio: Windows quita ese espacio final, así que el archivo no se puede abrir ni copiar en Windows.`,
    );
    expect(diagnostics[0]!.hint).toContain(`por ejemplo a «${FOLDER}/acta.pdf»`);
  });

  it('refuses a colon inside a name, naming the character', () => {
    const files = repoWith(['acta:1.pdf'], ['acta:1.pdf']);
    const diagnostics = checkRule(PLAN004, files);
    expect(where(diagnostics)).toEqual([at(files, 'acta:1.pdf')]);
    expect(diagnostics[0]!.message).toBe(
      `La evidencia «${FOLDER}/acta:1.pdf» usa el carácter «:» en el nombre «acta:1.pdf»; Windows no admite en los nombres de archivo «:», «<», «>», «"», «|», «?», «*» ni caracteres de control, así que el archivo no se puede abrir ni copiar en Windows.`,
    );
    expect(diagnostics[0]!.hint).toContain(`por ejemplo a «${FOLDER}/acta-1.pdf»`);
  });

  it('refuses the other characters Windows forbids, a control character by its code point', () => {
    const names = ['a<b.pdf', 'a>b.pdf', 'a"b.pdf', 'a|b.pdf', 'a?b.pdf', 'a*b.pdf', 'a\tb.pdf'];
    const diagnostics = checkRule(PLAN004, repoWith(names, names));
    expect(diagnostics.map((d) => /usa el carácter (\S+)/.exec(d.message)?.[1])).toEqual(['«<»', '«>»', '«"»', '«|»', '«?»', '«*»', 'U+0009']);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('refuses a folder name ending in a dot, not only the file name', () => {
    const files = baseRepo();
    files['dependencias/OP/evidencias/2019-T1./acta.pdf'] = 'x\n';
    files[REPORT].ppcs[0].evidencias = ['dependencias/OP/evidencias/2019-T1./acta.pdf'];
    const diagnostics = checkRule(PLAN004, files);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('usa el nombre «2019-T1.», que termina en punto');
  });

  it('checks the evidence of the Plan de Mejora statuses the same way', () => {
    const files = repoWith(['oficio.'], []);
    files[REPORT].plan_de_mejora[0].evidencias = [`${FOLDER}/oficio.`];
    expect(where(checkRule(PLAN004, files))).toEqual([at(files, 'oficio.', 'plan_de_mejora:')]);
  });

  it('still accepts dots inside names and the . and .. path steps', () => {
    const files = repoWith(['acta.v2.final.pdf'], ['acta.v2.final.pdf']);
    files[REPORT].ppcs[0].evidencias.push('./dependencias/OP/evidencias/../evidencias/2019-T1/acta.v2.final.pdf');
    expect(checkRule(PLAN004, files)).toEqual([]);
  });

  it('says it in English with --lang en', () => {
    const diagnostics = checkRule(PLAN004, repoWith(['acta.'], ['acta.']), { lang: 'en' });
    expect(diagnostics[0]!.message).toBe(`Evidence «${FOLDER}/acta.» uses the name «acta.», which ends in a dot: Windows drops a trailing dot, so the file cannot be opened or copied on Windows.`);
  });
});

describe('PLAN004 evidence files that differ only in case', () => {
  it('warns once at the citation, naming the cited file first and its twin', () => {
    const files = repoWith(['Foto.jpg', 'foto.jpg'], ['foto.jpg']);
    const diagnostics = checkRule(PLAN004, files);
    expect(where(diagnostics)).toEqual([at(files, 'foto.jpg')]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      `Los archivos de evidencia «${FOLDER}/foto.jpg», «${FOLDER}/Foto.jpg» sólo difieren en mayúsculas y minúsculas: en Windows y macOS son un mismo archivo, así que al clonar el repositorio allí uno reemplaza al otro y la evidencia que se ve puede no ser la que se citó.`,
    );
    expect(diagnostics[0]!.hint).toBe('Deje uno solo: borre los demás o renómbrelos con git mv (por ejemplo a «acta-2.pdf») y corrija las rutas que los citan.');
  });

  it('warns once per group even when both twins are cited, by several reports: at the first citation in path order', () => {
    const files = repoWith(['Foto.jpg', 'foto.jpg'], ['foto.jpg', 'Foto.jpg']);
    const dif = 'dependencias/DIF/reportes/2019-T1.yaml';
    files[dif].ppcs[0].evidencias.push(`${FOLDER}/Foto.jpg`);
    expect(where(checkRule(PLAN004, files))).toEqual([`PLAN004 ${dif}:${lineOf(files, dif, 'Foto.jpg')}`]);
  });

  it('finds twins whose folders differ in case', () => {
    const files = repoWith(['acta.pdf'], ['acta.pdf']);
    files['dependencias/OP/evidencias/2019-t1/acta.pdf'] = 'otra\n';
    const diagnostics = checkRule(PLAN004, files);
    expect(diagnostics.map((d) => d.message.slice(0, d.message.indexOf(' sólo')))).toEqual([
      `Los archivos de evidencia «${FOLDER}/acta.pdf», «dependencias/OP/evidencias/2019-t1/acta.pdf»`,
    ]);
  });

  it('warns on the first of uncited twins in an evidence folder', () => {
    const files = repoWith(['Lista.pdf', 'lista.pdf', 'LISTA.PDF'], []);
    const diagnostics = checkRule(PLAN004, files);
    expect(where(diagnostics)).toEqual([`PLAN004 ${FOLDER}/LISTA.PDF:1`]);
    expect(diagnostics[0]!.message).toContain(`«${FOLDER}/LISTA.PDF», «${FOLDER}/Lista.pdf», «${FOLDER}/lista.pdf» sólo difieren`);
    expect(diagnostics[0]!.severity).toBe('warning');
  });

  it('does not hold back a report: validate has no error for twins', () => {
    const diagnostics = validateFiles(repoWith(['Foto.jpg', 'foto.jpg'], ['foto.jpg']));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.rule === 'PLAN004').map((d) => d.severity)).toEqual(['warning']);
  });

  it('stays quiet for names that differ in more than case', () => {
    expect(checkRule(PLAN004, repoWith(['foto-1.jpg', 'foto-2.jpg', 'foto.jpeg'], ['foto-1.jpg', 'foto-2.jpg', 'foto.jpeg']))).toEqual([]);
  });
});
