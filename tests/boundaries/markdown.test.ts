// A note that starts with a number and a period would become an ordered list in Markdown;
// the renderer escapes it whatever the number of digits.
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type ReportView } from '../views/api.js';

function withNote(note: string, intro?: string): ReportView {
  return {
    kind: 'trimestral',
    title: 'Resumen trimestral 2019-T1',
    municipio: 'San Pedro Ejemplo',
    ejercicio: 2019,
    periodo: '2019-T1',
    fechaCorte: '2019-04-15',
    resumen: [],
    sections: [{ id: 'metas', sheet: 'Metas', title: 'Metas', ...(intro ? { intro } : {}), table: { columns: [{ header: 'Meta', kind: 'text' }], rows: [[{ t: 'text', v: 'M1' }]] }, notes: [note] }],
  };
}

const noteLine = (markdown: string, words: string) => markdown.split('\n').find((line) => line.includes(words));

describe('Markdown: a note that looks like an ordered list item', () => {
  it.each([
    ['1. texto', '1\\. texto'],
    ['10. texto', '10\\. texto'],
    ['2019. texto', '2019\\. texto'],
    ['123456789. texto', '123456789\\. texto'],
  ])('the note «%s» is the list item «- %s»', (note, expected) => {
    expect(noteLine(renderMarkdown(withNote(note)), 'texto')).toBe(`- ${expected}`);
  });

  it('escapes «10. texto» as a paragraph (a section intro) too', () => {
    expect(noteLine(renderMarkdown(withNote('nota', '10. texto de introducción')), 'introducción')).toBe('10\\. texto de introducción');
  });

  it('leaves a number inside the sentence alone: «Se atendieron 10. Bien»', () => {
    expect(noteLine(renderMarkdown(withNote('Se atendieron 10. Bien')), 'Bien')).toBe('- Se atendieron 10. Bien');
  });

  it('leaves a decimal at the start alone: «10.5 km»', () => {
    expect(noteLine(renderMarkdown(withNote('10.5 km pavimentados')), 'km')).toBe('- 10.5 km pavimentados');
  });
});
