// The registry: an explicit list, like markdownlint's lib/rules. Ids are stable and
// never reused; a new rule is one new module plus one line here.
import { PLAN001 } from './PLAN001-yaml-legible.js';
import { PLAN002 } from './PLAN002-esquema.js';
import { PLAN003 } from './PLAN003-id-duplicado.js';
import { PLAN004 } from './PLAN004-referencia-inexistente.js';
import { PLAN005 } from './PLAN005-nombre-de-archivo.js';
import { PLAN006 } from './PLAN006-archivo-fuera-de-lugar.js';
import { PLAN007 } from './PLAN007-ajuste-sin-efecto.js';
import { PLAN008 } from './PLAN008-justificacion-invalida.js';
import { PLAN009 } from './PLAN009-numero-fuera-de-escala.js';
import { PLAN010 } from './PLAN010-caratula-incompleta.js';
import { PLAN011 } from './PLAN011-programacion-meta-anual.js';
import { PLAN012 } from './PLAN012-unidad-no-validada.js';
import { PLAN013 } from './PLAN013-ppcs-activos.js';
import { PLAN014 } from './PLAN014-indicador-sin-datos-de-transparencia.js';
import { PLAN015 } from './PLAN015-meta-ajustada-sin-aprobar.js';
import { PLAN020 } from './PLAN020-unidad-de-medida-del-reporte.js';
import { PLAN021 } from './PLAN021-entrega-fuera-de-ventana.js';
import { PLAN022 } from './PLAN022-reporte-faltante.js';
import { PLAN023 } from './PLAN023-reporte-incompleto.js';
import { PLAN024 } from './PLAN024-avance-inverosimil.js';
import { PLAN025 } from './PLAN025-observacion-no-atendida.js';
import { PLAN026 } from './PLAN026-justificacion-variacion.js';
import { PLAN029 } from './PLAN029-fecha-entrega-historial.js';
import { PLAN030 } from './PLAN030-sin-ppcs-compartido.js';
import { PLAN031 } from './PLAN031-colaboracion-no-reportada.js';
import { PLAN040 } from './PLAN040-beneficiarios-inconsistentes.js';
import { PLAN041 } from './PLAN041-beneficiarios-sin-sexo.js';
import { PLAN042 } from './PLAN042-recomendacion-genero-no-aplicada.js';
import { PLAN043 } from './PLAN043-ppcs-sin-beneficiarios.js';
import { PLAN044 } from './PLAN044-recomendacion-genero-contradicha.js';
import { PLAN050 } from './PLAN050-convocatoria-incumplida.js';
import { PLAN060 } from './PLAN060-tipo-de-plan.js';
import { PLAN061 } from './PLAN061-grado-de-la-evaluacion.js';
import { PLAN062 } from './PLAN062-seguimiento-plan-de-mejora.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [PLAN001, PLAN002, PLAN003, PLAN004, PLAN005, PLAN006, PLAN007, PLAN008, PLAN009, PLAN010, PLAN011, PLAN012, PLAN013, PLAN014, PLAN015, PLAN020, PLAN021, PLAN022, PLAN023, PLAN024, PLAN025, PLAN026, PLAN029, PLAN030, PLAN031, PLAN040, PLAN041, PLAN042, PLAN043, PLAN044, PLAN050, PLAN060, PLAN061, PLAN062];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
