/** A step into a YAML document: a map key or a sequence index. */
export type PathSegment = string | number;
