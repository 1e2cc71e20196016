// Small-cell suppression for published counts (tables by gender, age band, town, ...).
//
// Primary suppression hides every cell whose value is 1..threshold-1 (0 is shown: an empty
// cell reveals nothing about a person). Complementary suppression then hides more cells so
// that no hidden value can be worked out from what is shown and from the totals:
//
//   1. no row or column (margins included when `withTotals`) has exactly one hidden entry,
//      otherwise that entry is its line's total minus the shown entries;
//   2. more generally, a hidden entry must not be determined by the system of line equations.
//      Seeing the table as a bipartite graph (row lines and column lines are nodes, every hidden
//      entry an edge between its row and its column), the line sums fix a hidden entry exactly
//      when its edge is a bridge — in no cycle of hidden entries. Rule 1 is the special case of
//      an edge hanging off a node of degree one; rule 2 also catches two blocks of hidden cells
//      joined by a single hidden cell.
//
// Each fix hides the smallest remaining candidate (a non-zero one when there is any — hiding a
// zero protects little), and the rules are re-applied until nothing changes. Without totals the
// same protection is applied as if the margins were known (they usually are, from elsewhere),
// and no totals are returned.

export const PUBLIC_THRESHOLD = 10;
export const INTERNAL_THRESHOLD = 5;

export interface SuppressedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  grandTotal: number | null;
}

/** A single published figure: null (shown as "fewer than N") when it is 1..threshold-1. */
export function suppressCount(n: number, threshold: number): number | null {
  return isSmall(n, threshold) ? null : n;
}

function isSmall(n: number, threshold: number): boolean {
  return n >= 1 && n < threshold;
}

export function suppressTable(
  cells: number[][],
  threshold: number,
  opts: { withTotals?: boolean } = {},
): SuppressedTable {
  const withTotals = opts.withTotals ?? false;
  const m = cells.length;
  const n = m === 0 ? 0 : cells[0]!.length;
  for (const row of cells) {
    if (row.length !== n) throw new Error('suppressTable: rows must have the same length');
    for (const v of row) {
      if (!Number.isInteger(v) || v < 0) throw new Error('suppressTable: counts must be non-negative integers');
    }
  }
  if (!(threshold >= 1)) throw new Error('suppressTable: threshold must be at least 1');

  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: n }, (_, j) => cells.reduce((a, row) => a + row[j]!, 0));
  const grandTotal = rowTotals.reduce((a, b) => a + b, 0);

  if (m === 0 || n === 0) {
    return {
      cells: cells.map((row) => row.map((v) => v)),
      rowTotals: withTotals ? rowTotals.map((v) => suppressCount(v, threshold)) : rowTotals.map(() => null),
      colTotals: withTotals ? colTotals.map((v) => suppressCount(v, threshold)) : colTotals.map(() => null),
      grandTotal: withTotals ? suppressCount(grandTotal, threshold) : null,
    };
  }

  // The extended table: with totals, one more row (column totals) and one more column (row totals).
  const R = withTotals ? m + 1 : m;
  const C = withTotals ? n + 1 : n;
  const value: number[][] = [];
  for (let i = 0; i < R; i++) {
    const row: number[] = [];
    for (let j = 0; j < C; j++) {
      if (i < m && j < n) row.push(cells[i]![j]!);
      else if (i < m) row.push(rowTotals[i]!);
      else if (j < n) row.push(colTotals[j]!);
      else row.push(grandTotal);
    }
    value.push(row);
  }
  const hidden = value.map((row) => row.map((v) => isSmall(v, threshold)));

  // Nodes: rows 0..R-1, columns R..R+C-1.
  const pickSmallest = (candidates: [number, number][]): [number, number] | null => {
    let best: [number, number] | null = null;
    let bestKey = Infinity;
    for (const [i, j] of candidates) {
      const v = value[i]![j]!;
      const key = v === 0 ? Number.MAX_SAFE_INTEGER : v; // zeros only when nothing else is left
      if (key < bestKey) {
        bestKey = key;
        best = [i, j];
      }
    }
    return best;
  };

  // Rule 1: a line with exactly one hidden entry.
  const fixLonelyLines = (): boolean => {
    let changed = false;
    for (let i = 0; i < R; i++) {
      const hiddenIdx: number[] = [];
      for (let j = 0; j < C; j++) if (hidden[i]![j]) hiddenIdx.push(j);
      if (hiddenIdx.length !== 1) continue;
      const candidates: [number, number][] = [];
      for (let j = 0; j < C; j++) if (!hidden[i]![j]) candidates.push([i, j]);
      const pick = pickSmallest(candidates);
      if (pick) {
        hidden[pick[0]]![pick[1]] = true;
        changed = true;
      }
    }
    for (let j = 0; j < C; j++) {
      const hiddenIdx: number[] = [];
      for (let i = 0; i < R; i++) if (hidden[i]![j]) hiddenIdx.push(i);
      if (hiddenIdx.length !== 1) continue;
      const candidates: [number, number][] = [];
      for (let i = 0; i < R; i++) if (!hidden[i]![j]) candidates.push([i, j]);
      const pick = pickSmallest(candidates);
      if (pick) {
        hidden[pick[0]]![pick[1]] = true;
        changed = true;
      }
    }
    return changed;
  };

  // Rule 2: a hidden entry whose edge is a bridge. Returns true when one was fixed.
  const fixOneBridge = (): boolean => {
    for (const bridge of findBridges(hidden, R, C)) {
      if (fixBridge(bridge[0], bridge[1])) return true;
    }
    return false;
  };
  const fixBridge = (bi: number, bj: number): boolean => {
    // The two sides once the bridge is removed.
    const side = componentWithout(hidden, R, C, bi, bj);
    const candidates: [number, number][] = [];
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) {
        if (hidden[i]![j]) continue;
        const a = side[i];
        const b = side[R + j];
        // One end on the row's side, the other on the column's side (in either direction).
        if ((a === 1 && b === 2) || (a === 2 && b === 1)) candidates.push([i, j]);
      }
    }
    const pick = pickSmallest(candidates);
    // No candidate only in a table with a single row or column and no totals, where the
    // other line's "sum" is the cell itself: nothing more can be done there.
    if (!pick) return false;
    hidden[pick[0]]![pick[1]] = true;
    return true;
  };

  for (let guard = 0; guard < R * C + 2; guard++) {
    if (fixLonelyLines()) continue;
    if (fixOneBridge()) continue;
    break;
  }

  const out = (i: number, j: number): number | null => (hidden[i]![j] ? null : value[i]![j]!);
  return {
    cells: cells.map((row, i) => row.map((_, j) => out(i, j))),
    rowTotals: rowTotals.map((_, i) => (withTotals ? out(i, n) : null)),
    colTotals: colTotals.map((_, j) => (withTotals ? out(m, j) : null)),
    grandTotal: withTotals ? out(m, n) : null,
  };
}

/** Adjacency of the hidden-entry graph: node i (row) — node R+j (column). */
function adjacency(hidden: boolean[][], R: number, C: number): [number, number, number][][] {
  const adj: [number, number, number][][] = Array.from({ length: R + C }, () => []);
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      if (!hidden[i]![j]) continue;
      adj[i]!.push([R + j, i, j]);
      adj[R + j]!.push([i, i, j]);
    }
  }
  return adj;
}

/** The bridges of the hidden-entry graph (Tarjan's low-link), as [row, column]. */
function findBridges(hidden: boolean[][], R: number, C: number): [number, number][] {
  const adj = adjacency(hidden, R, C);
  const N = R + C;
  const disc = new Array<number>(N).fill(-1);
  const low = new Array<number>(N).fill(0);
  let time = 0;
  const found: [number, number][] = [];

  const dfs = (u: number, viaI: number, viaJ: number): void => {
    disc[u] = low[u] = time++;
    for (const [v, i, j] of adj[u]!) {
      if (i === viaI && j === viaJ) continue; // the edge we came by (no parallel edges exist)
      if (disc[v] === -1) {
        dfs(v, i, j);
        low[u] = Math.min(low[u]!, low[v]!);
        if (low[v]! > disc[u]!) found.push([i, j]);
      } else {
        low[u] = Math.min(low[u]!, disc[v]!);
      }
    }
  };
  for (let s = 0; s < N; s++) if (disc[s] === -1) dfs(s, -1, -1);
  return found;
}

/**
 * Marks the nodes reachable from the bridge's row node (1) and from its column node (2) once the
 * bridge [bi, bj] is removed; 0 for nodes in other components.
 */
function componentWithout(hidden: boolean[][], R: number, C: number, bi: number, bj: number): number[] {
  const adj = adjacency(hidden, R, C);
  const side = new Array<number>(R + C).fill(0);
  const flood = (start: number, mark: number): void => {
    const stack = [start];
    side[start] = mark;
    while (stack.length) {
      const u = stack.pop()!;
      for (const [v, i, j] of adj[u]!) {
        if (i === bi && j === bj) continue;
        if (side[v] === 0) {
          side[v] = mark;
          stack.push(v);
        }
      }
    }
  };
  flood(bi, 1);
  flood(R + bj, 2);
  return side;
}
