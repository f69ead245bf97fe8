import { type Criterion } from './criterion.js';

export const integracion: Criterion = {
  clave: 'integracion_organizacion',
  nombre: 'Integración y organización',
  recursos: 'Documental',
  dimension: 'Estratégica',
  subindicators({ model, clave, year }) {
    const calls = model.convocatorias
      .filter((doc) => doc.data.ejercicio === year)
      .flatMap((doc) => doc.data.convocatorias)
      .filter((c) => c.convocadas.includes(clave) && c.fecha < model.fechaCorte);
    const requested = calls.filter((c) => c.fecha_limite_entrega !== undefined && c.fecha_limite_entrega < model.fechaCorte);
    const deliveredOnTime = requested.filter((c) => {
      const dates = (c.entregas ?? []).filter((e) => e.dependencia === clave).map((e) => e.fecha).sort();
      return dates.length > 0 && dates[0]! <= c.fecha_limite_entrega!;
    });
    return [
      {
        id: 'asistencia',
        nombre: 'Asistencia a convocatorias',
        medicion: 'Convocatorias a las que la dependencia fue convocada y asistió.',
        numerador: calls.filter((c) => c.asistentes.includes(clave)).length,
        denominador: calls.length,
      },
      {
        id: 'entregas_a_tiempo',
        nombre: 'Información entregada a tiempo',
        medicion: 'Convocatorias con fecha límite de entrega en las que la dependencia entregó a más tardar en esa fecha.',
        numerador: deliveredOnTime.length,
        denominador: requested.length,
      },
    ];
  },
  action(sub, { year }) {
    return sub.id === 'asistencia'
      ? `Participar en tiempo y forma en las convocatorias para la presentación de estrategias (asistió a ${sub.numerador} de ${sub.denominador} en ${year}); designar un suplente cuando el enlace no pueda asistir.`
      : `Entregar la información esencial solicitada en las convocatorias dentro de la fecha límite (${sub.numerador} de ${sub.denominador} entregas a tiempo en ${year}).`;
  },
};
