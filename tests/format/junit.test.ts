import { describe, expect, it } from 'vitest';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { junit } from '../../src/format/junit.js';
import { colored, diag, HOSTILE, HOSTILE_IN_XML, inputOf, JUSTIFIED_REASON, justifiedPipelineFindings, mixed, pendingPipelineFindings, pipelineFindings } from './sample.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data, decoded. */
  text: string;
}

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /[A-Za-z_][\w.-]*/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A tiny strict XML 1.0 reader, enough for JUnit reports: it throws on anything a real
 * parser would reject (invalid characters, unknown or bare entities, raw `<` in values,
 * mismatched tags, duplicate attributes, `]]>` in text) and decodes what it accepts,
 * including end-of-line and attribute-value normalisation.
 */
function parseXml(document: string): XmlElement {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!document.startsWith(prolog)) throw new Error('missing XML declaration');
  if (!XML_CHAR.test(document)) throw new Error('character not allowed in XML 1.0');
  const src = document.slice(prolog.length).replace(/\r\n?/g, '\n');
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos}: ${JSON.stringify(src.slice(pos, pos + 30))}`);
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('raw < in character data');
    return raw.replace(/&([^;&]*);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail('bare &');
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
      if (code === undefined) return fail(`unknown entity ${whole}`);
      const char = String.fromCodePoint(ref.startsWith('#x') ? parseInt(code, 16) : Number(code));
      if (!XML_CHAR.test(char)) return fail(`reference to a forbidden character ${whole}`);
      return char;
    });
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(src);
    if (!match) return fail('expected a name');
    pos = NAME.lastIndex;
    return match[0];
  };
  const spaces = (): boolean => {
    const start = pos;
    while (/[ \t\n]/.test(src[pos] ?? '')) pos++;
    return pos > start;
  };
  const element = (): XmlElement => {
    if (src[pos] !== '<') fail('expected <');
    pos++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = spaces();
      if (src.startsWith('/>', pos)) {
        pos += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (src[pos] === '>') break;
      if (!spaced) fail('attributes must be separated by white space');
      const key = name();
      if (key in attributes) fail(`duplicate attribute ${key}`);
      if (src[pos] !== '=' || src[pos + 1] !== '"') fail('expected ="');
      const end = src.indexOf('"', pos + 2);
      if (end < 0) fail('unterminated attribute');
      attributes[key] = decode(src.slice(pos + 2, end).replace(/[\t\n]/g, ' '));
      pos = end + 1;
    }
    pos++;
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const next = src.indexOf('<', pos);
      if (next < 0) fail(`unclosed <${tag}>`);
      const raw = src.slice(pos, next);
      if (raw.includes(']]>')) fail(']]> in character data');
      text += decode(raw);
      pos = next;
      if (src.startsWith('</', pos)) {
        pos += 2;
        if (name() !== tag) fail(`mismatched </…> for <${tag}>`);
        if (src[pos] !== '>') fail('expected >');
        pos++;
        return { name: tag, attributes, children, text };
      }
      children.push(element());
    }
  };
  const root = element();
  if (src.slice(pos).trim() !== '') fail('content after the root element');
  return root;
}

function ownText(element: XmlElement): string {
  return element.text.trim();
}

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

describe('junit format', () => {
  it('writes one testsuite per file and one testcase per rule: errors fail, warnings and justified findings pass with their text in system-out', () => {
    expect(junit(inputOf(mixed()))).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="plan validate" tests="4" failures="1">
  <testsuite name="dependencias/DIF/reportes/2019-T1.yaml" tests="1" failures="0">
    <testcase name="PLAN021 Reporte trimestral entregado fuera de la ventana de entrega (justificado)" classname="dependencias/DIF/reportes/2019-T1.yaml" file="dependencias/DIF/reportes/2019-T1.yaml">
      <system-out>dependencias/DIF/reportes/2019-T1.yaml:4:16  PLAN021  [justificado] Entregado fuera de la ventana.
→ Declaratoria de emergencia por inundación</system-out>
    </testcase>
  </testsuite>
  <testsuite name="dependencias/DIF/reportes/2019-T2.yaml" tests="1" failures="0">
    <testcase name="PLAN022 Falta un reporte trimestral cuya ventana de entrega ya cerró (justificado)" classname="dependencias/DIF/reportes/2019-T2.yaml" file="dependencias/DIF/reportes/2019-T2.yaml">
      <system-out>dependencias/DIF/reportes/2019-T2.yaml:1:1  PLAN022  [justificado] Falta el reporte 2019-T1.
→ Dependencia de nueva creación (aprobó Lic. Marta Ruiz, 02/04/2019)</system-out>
    </testcase>
  </testsuite>
  <testsuite name="dependencias/OP/reportes/2019-T1.yaml" tests="2" failures="1">
    <testcase name="PLAN020 Avance reportado en una unidad de medida distinta a la de su meta" classname="dependencias/OP/reportes/2019-T1.yaml" file="dependencias/OP/reportes/2019-T1.yaml">
      <failure type="PLAN020" message="[error] Avance en «m».">dependencias/OP/reportes/2019-T1.yaml:12:24  PLAN020  [error] Avance en «m».
→ Use «km».</failure>
    </testcase>
    <testcase name="PLAN024 Avance imposible o poco creíble (advertencia)" classname="dependencias/OP/reportes/2019-T1.yaml" file="dependencias/OP/reportes/2019-T1.yaml">
      <system-out>dependencias/OP/reportes/2019-T1.yaml:14:9  PLAN024  [advertencia] Avance inverosímil.</system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('fails nothing when there are only warnings', () => {
    const warnings = [diag({ rule: 'PLAN021', severity: 'warning', message: 'Tarde.', line: 3, column: 16 }), diag({ rule: 'PLAN022', severity: 'warning', message: 'Falta.', file: 'dependencias/DIF/dependencia.yaml' })];
    expect(junit(inputOf(warnings.sort(compareDiagnostics)))).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="plan validate" tests="2" failures="0">
  <testsuite name="dependencias/DIF/dependencia.yaml" tests="1" failures="0">
    <testcase name="PLAN022 Falta un reporte trimestral cuya ventana de entrega ya cerró (advertencia)" classname="dependencias/DIF/dependencia.yaml" file="dependencias/DIF/dependencia.yaml">
      <system-out>dependencias/DIF/dependencia.yaml:1:1  PLAN022  [advertencia] Falta.</system-out>
    </testcase>
  </testsuite>
  <testsuite name="${OP_T1}" tests="1" failures="0">
    <testcase name="PLAN021 Reporte trimestral entregado fuera de la ventana de entrega (advertencia)" classname="${OP_T1}" file="${OP_T1}">
      <system-out>${OP_T1}:3:16  PLAN021  [advertencia] Tarde.</system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('gathers one rule’s findings in a file into one testcase: its errors fail it, its warnings ride along in system-out', () => {
    const findings = [
      diag({ rule: 'PLAN024', message: 'Avance negativo.', hint: 'Corrija el signo.', line: 10, column: 5 }),
      diag({ rule: 'PLAN024', severity: 'warning', message: 'Avance muy alto.', line: 14, column: 9 }),
      diag({ rule: 'PLAN024', message: 'Porcentaje mayor a 100.', line: 20, column: 5 }),
    ];
    expect(junit(inputOf(findings))).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="plan validate" tests="1" failures="1">
  <testsuite name="${OP_T1}" tests="1" failures="1">
    <testcase name="PLAN024 Avance imposible o poco creíble" classname="${OP_T1}" file="${OP_T1}">
      <failure type="PLAN024" message="[error] Avance negativo. (y 1 más)">${OP_T1}:10:5  PLAN024  [error] Avance negativo.
→ Corrija el signo.
${OP_T1}:20:5  PLAN024  [error] Porcentaje mayor a 100.</failure>
      <system-out>${OP_T1}:14:9  PLAN024  [advertencia] Avance muy alto.</system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('writes one passing testcase for a clean run, so the report is never empty', () => {
    expect(junit(inputOf([]))).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="plan validate" tests="1" failures="0">
  <testsuite name="plan validate" tests="1" failures="0">
    <testcase name="Sin problemas en 8 archivo(s)" classname="plan validate"/>
  </testsuite>
</testsuites>
`);
    expect(parseXml(junit(inputOf([], { lang: 'en' }))).children[0]!.children[0]!.attributes.name).toBe('No problems in 8 file(s)');
  });

  it('names the scope and the warnings --quiet hid in the clean testcase', () => {
    const clean = (fields: Parameters<typeof inputOf>[1], options: Parameters<typeof inputOf>[2]) => parseXml(junit(inputOf([], fields, options))).children[0]!.children[0]!.attributes.name;
    expect(clean({}, { hiddenWarnings: 18 })).toBe('Sin errores en 8 archivo(s); se ocultaron 18 advertencias (quite -q para verlas)');
    expect(clean({}, { scope: { dependencia: 'OP' } })).toBe('Sin problemas en 8 archivo(s) de la dependencia OP');
    expect(clean({ lang: 'en' }, { scope: { paths: ['plan.yaml'] }, hiddenWarnings: 1 })).toBe('No errors in 8 file(s) in "plan.yaml"; 1 warning hidden (drop -q to see it)');
  });

  it('states the severity in English with --lang en', () => {
    const testcase = parseXml(junit(inputOf([diag({ severity: 'warning' })], { lang: 'en' }))).children[0]!.children[0]!;
    expect(testcase.attributes.name).toBe("PLAN020 Progress reported in a unit other than its meta's (warning)");
    expect(testcase.children[0]!.text).toBe(`${OP_T1}:1:1  PLAN020  [warning] Mensaje.`);
  });

  it('escapes hostile text in attributes and bodies and drops characters XML 1.0 cannot hold', () => {
    const hostile = diag({ rule: 'PLAN020', message: HOSTILE, hint: HOSTILE, file: `dependencias/OP/${HOSTILE}.yaml` });
    const justified = diag({ rule: 'PLAN021', file: 'x.yaml', message: 'm', justification: { reason: HOSTILE, source: 'comment' } });
    const out = junit(inputOf([hostile, justified]));
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\uFFFE]/);
    expect(out).not.toContain(']]>');
    expect(out).toContain('a%25 b&#13;&#10;c:d,e &lt;x&gt;&amp;amp; &quot;q&quot; &apos;s&apos;  ]]&gt; ñá 😀&#9;tab');
    const root = parseXml(out);
    const [hostileSuite, justifiedSuite] = root.children;
    const file = `dependencias/OP/${HOSTILE_IN_XML}.yaml`;
    expect(hostileSuite!.attributes.name).toBe(file);
    const testcase = hostileSuite!.children[0]!;
    expect(testcase.attributes).toEqual({ name: 'PLAN020 Avance reportado en una unidad de medida distinta a la de su meta', classname: file, file });
    const failure = testcase.children[0]!;
    expect(failure.attributes).toEqual({ type: 'PLAN020', message: `[error] ${HOSTILE_IN_XML}` });
    expect(failure.text).toBe(`${file}:1:1  PLAN020  [error] ${HOSTILE_IN_XML}\n→ ${HOSTILE_IN_XML}`);
    expect(justifiedSuite!.children[0]!.children[0]!.text).toBe(`x.yaml:1:1  PLAN021  [justificado] m\n→ ${HOSTILE_IN_XML}`);
  });

  it('prefixes files with the plan folder inside the checkout', () => {
    const root = parseXml(junit(inputOf([diag()], { pathPrefix: 'plan/' })));
    expect(root.children[0]!.attributes.name).toBe('plan/dependencias/OP/reportes/2019-T1.yaml');
    expect(root.children[0]!.children[0]!.attributes.classname).toBe('plan/dependencias/OP/reportes/2019-T1.yaml');
    expect(root.children[0]!.children[0]!.attributes.file).toBe('plan/dependencias/OP/reportes/2019-T1.yaml');
    expect(root.children[0]!.children[0]!.children[0]!.text).toMatch(/^plan\/dependencias\/OP\/reportes\/2019-T1\.yaml:1:1 {2}PLAN020/);
  });

  it('never colours, whatever Chalk it is given', () => {
    expect(junit(inputOf(mixed(), { color: colored }))).toBe(junit(inputOf(mixed())));
  });

  it('reports the real pipeline findings with counts that add up: two failed errors and one passing warning', () => {
    const { input } = pipelineFindings();
    const root = parseXml(junit(input));
    expect(root.attributes).toEqual({ name: 'plan validate', tests: '3', failures: '2' });
    expect(
      root.children.map((suite) => [suite.attributes.name, suite.attributes.failures, ...suite.children.map((c) => `${c.attributes.name!.slice(0, 7)} ${c.children.map((e) => e.name).join(',')}`)]),
    ).toEqual([
      ['dependencias/DIF/reportes/2019-T1.yaml', '1', 'PLAN020 failure'],
      ['dependencias/OP/dependencia.yaml', '1', 'PLAN005 failure'],
      ['dependencias/OP/reportes/2019-T1.yaml', '0', 'PLAN021 system-out'],
    ]);
    expect(ownText(root.children[1]!.children[0]!.children[0]!)).toBe(
      'dependencias/OP/dependencia.yaml:1:8  PLAN005  [error] La clave «OBRAS» no coincide con la carpeta «dependencias/OP/».\n→ Haga que el contenido y el nombre coincidan: corrija el valor o renombre el archivo.',
    );
    expect(ownText(root.children[2]!.children[0]!.children[0]!)).toBe(
      'dependencias/OP/reportes/2019-T1.yaml:3:16  PLAN021  [advertencia] El reporte «2019-T1» fue entregado el 03/04/2019, 3 días hábiles después del cierre de la ventana de entrega (del 25/03 al 29/03/2019).\n→ Entregue cada reporte dentro de su ventana; si la fecha está mal capturada, corrija «fecha_entrega».',
    );
  });

  it('passes a finding Planeación justified in excepciones.yaml, with its reason and approval in system-out', () => {
    const root = parseXml(junit(justifiedPipelineFindings().input));
    expect(root.attributes).toEqual({ name: 'plan validate', tests: '1', failures: '0' });
    const testcase = root.children[0]!.children[0]!;
    const file = 'dependencias/DIF/reportes/2019-T1.yaml';
    expect(testcase.attributes).toEqual({ name: 'PLAN020 Avance reportado en una unidad de medida distinta a la de su meta (justificado)', classname: file, file });
    expect(testcase.children.map((c) => c.name)).toEqual(['system-out']);
    expect(testcase.children[0]!.text.split('\n')[1]).toBe(`→ ${JUSTIFIED_REASON} (aprobó Lic. Marta Ruiz, 02/04/2019)`);
  });

  it('fails an error a department justified in its own file, with the reason pending approval in the failure', () => {
    const root = parseXml(junit(pendingPipelineFindings().input));
    expect(root.attributes).toEqual({ name: 'plan validate', tests: '1', failures: '1' });
    const testcase = root.children[0]!.children[0]!;
    expect(testcase.attributes.name).toBe('PLAN020 Avance reportado en una unidad de medida distinta a la de su meta');
    expect(testcase.children.map((c) => c.name)).toEqual(['failure']);
    expect(testcase.children[0]!.text.split('\n').at(-1)).toBe(`→ pendiente de aprobación: ${JUSTIFIED_REASON} (sigue contando hasta que Planeación la apruebe en planeacion/excepciones.yaml)`);
  });
});

describe('the test XML reader', () => {
  it('rejects what a strict parser rejects', () => {
    const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (const bad of ['<a>&</a>', '<a>&nbsp;</a>', '<a b="<"/>', '<a><b></a>', '<a b="1" b="2"/>', '<a>\u0001</a>', '<a>&#1;</a>', '<a>]]></a>', '<a/><b/>']) {
      expect(() => parseXml(`${prolog}${bad}`), bad).toThrow();
    }
    expect(parseXml(`${prolog}<a b="x&#10;y\tz">1 &lt; 2 &amp;&#x1F600;</a>`)).toEqual({ name: 'a', attributes: { b: 'x\ny z' }, children: [], text: '1 < 2 &😀' });
  });
});
