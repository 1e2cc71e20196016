// The thresholds of disclosure control. Every published figure about people goes through
// release.ts (decision 0004), which protects a whole release together — hierarchies, margins,
// filters and earlier versions — with labels that are true; there is no per-table suppression.

/** Figures below this are never published: "fewer than 10". */
export const PUBLIC_THRESHOLD = 10;
/** Members' staff see exact figures from this size up, on internal pages only. */
export const INTERNAL_THRESHOLD = 5;
