/** Output formats of `plan validate --format`, known without loading the formatters (for --help). */
export const FORMAT_NAMES = ['stylish', 'json', 'github', 'junit', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
