// What every output format of `plan report` provides. A format is one folder under
// render/ whose index.ts exports a Renderer, plus one line in render/index.ts; the CLI
// asks the registry which formats exist and which serve a view, and never names one.
import type { Params, Text } from '../../i18n/text.js';
import type { ReportKind, ReportView } from '../view/types.js';
import type { CutCell } from './cell-guard.js';

export interface RenderOptions {
  /** The plan repository's own `templates/` folder; its files win over the package's. */
  templatesDir?: string;
  /** Told of each cell whose text was cut to the format's limit, so the CLI can say so. */
  onCut?: (cut: CutCell) => void;
}

/**
 * `document`: a report to read (Markdown, and later HTML or PDF). `data`: tables to
 * import or publish (Excel, CSV). The order of a report's files follows from it (select.ts).
 */
export type RendererRole = 'document' | 'data';

/** One file of a renderer that writes a folder; `path` is relative to that folder, with `/` separators. */
export interface RenderedFile {
  path: string;
  bytes: string | Uint8Array;
}

/**
 * A report written as a folder of files (the HTML site), `<salida>/<base>/`, as one set
 * with the report's other files. `entry` is the file the CLI names as written (`index.html`).
 */
export interface RenderedFolder {
  entry: string;
  files: RenderedFile[];
}

export interface Renderer {
  /** The output file's extension, without the dot (a renderer that returns a folder: its pages'). */
  extension: string;
  /** The reports this format can show. */
  kinds: readonly ReportKind[];
  role: RendererRole;
  /**
   * True when render() returns a RenderedFolder: the CLI renders it before the writes, to
   * know its files, and puts them under `<salida>/<base>/`.
   */
  folder?: boolean;
  /**
   * False for a format `--format all` leaves out because it needs a program the machine
   * may not have (the PDF needs Chromium); it is written only when asked for by name.
   */
  inAll?: boolean;
  /**
   * How much work this format is, against the others (roughly its seconds on the annual
   * report of 100 departments). With several formats on a machine with two cores or more,
   * they are split between the main thread and a render thread so that both are done soonest
   * (thread.ts).
   * Left out by a format that waits on another program rather than computing (the PDF):
   * it renders on the main thread.
   */
  weight?: number;
  /**
   * False for a format that never reads the view's `departments` (each department's page: in
   * an annual report of 100 departments, half of the view's cells): a render thread whose
   * formats all say so is sent the view without them. A test renders each such format with and
   * without them.
   */
  readsDepartments?: boolean;
  /** The outside program this format needs, as `--format`'s help names it (`Chromium`). */
  requires?: string;
  /**
   * Why this format cannot be written on this machine (a missing program), or undefined
   * when it can; asked before the data is validated, so the user is told at once.
   */
  unavailable?(): { text: Text; params: Params } | undefined;
  /**
   * Loads the modules rendering needs, ahead: the render thread does while the view is still
   * on its way (the workbook's exceljs alone takes 0.2 s).
   */
  load?(): Promise<unknown>;
  /**
   * The file's bytes, or a folder of files. Implementations load their library with a
   * dynamic import(), so `plan validate` never pays for exceljs or Handlebars. Bytes must
   * be the renderer's own, made for this call: the render thread moves them to the main
   * thread, which leaves them empty there.
   */
  render(view: ReportView, options: RenderOptions): Promise<string | Uint8Array | RenderedFolder>;
}

/** A template or partial of the repository that cannot be parsed or applied; the message names the file. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`La plantilla «${file}» no se pudo aplicar: ${detail}`, options);
    this.name = 'TemplateError';
  }
}

/** A program the format needs is missing or does not start; the CLI says `text` and exits 2. */
export class RendererUnavailable extends Error {
  constructor(
    readonly text: Text,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = 'RendererUnavailable';
  }
}
