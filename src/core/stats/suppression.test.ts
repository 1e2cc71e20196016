import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INTERNAL_THRESHOLD,
  PUBLIC_THRESHOLD,
  suppressCount,
  suppressTable,
  type SuppressedTable,
} from './suppression.js';

/** The published table as a grid including margins (when given), null = hidden. */
function extended(out: SuppressedTable, withTotals: boolean): (number | null)[][] {
  if (!withTotals) return out.cells;
  const rows = out.cells.map((row, i) => [...row, out.rowTotals[i]!]);
  rows.push([...out.colTotals, out.grandTotal]);
  return rows;
}

function rank(matrix: number[][]): number {
  const a = matrix.map((r) => [...r]);
  const rows = a.length;
  const cols = rows ? a[0]!.length : 0;
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    let pivot = r;
    for (let i = r + 1; i < rows; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[pivot]![c]!)) pivot = i;
    if (Math.abs(a[pivot]![c]!) < 1e-9) continue;
    [a[r], a[pivot]] = [a[pivot]!, a[r]!];
    for (let i = 0; i < rows; i++) {
      if (i === r) continue;
      const f = a[i]![c]! / a[r]![c]!;
      if (f !== 0) for (let k = c; k < cols; k++) a[i]![k]! -= f * a[r]![k]!;
    }
    r++;
  }
  return r;
}

/**
 * Which hidden entries an attacker can compute exactly from the line equations (every row and
 * column of the grid sums to its margin; margins are known when shown — without totals we assume
 * the attacker knows all margins anyway). Exact linear algebra, independent of the algorithm.
 */
function derivable(grid: (number | null)[][], marginsKnown: boolean): [number, number][] {
  const R = grid.length;
  const C = R ? grid[0]!.length : 0;
  const vars: [number, number][] = [];
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) if (grid[i]![j] === null) vars.push([i, j]);
  if (!vars.length) return [];
  const idx = new Map(vars.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  // With totals, the grid's last row/column are the margins: each full line sums to zero
  // (cells minus margin), so every row/column of the grid is one equation.
  for (let i = 0; i < R; i++) {
    const eq = new Array<number>(vars.length).fill(0);
    for (let j = 0; j < C; j++) {
      const k = idx.get(`${i},${j}`);
      if (k !== undefined) eq[k] = marginsKnown ? 1 : marginSign(i, j, R, C);
    }
    equations.push(eq);
  }
  for (let j = 0; j < C; j++) {
    const eq = new Array<number>(vars.length).fill(0);
    for (let i = 0; i < R; i++) {
      const k = idx.get(`${i},${j}`);
      if (k !== undefined) eq[k] = marginsKnown ? 1 : marginSign(j, i, C, R);
    }
    equations.push(eq);
  }
  const base = rank(equations);
  const out: [number, number][] = [];
  vars.forEach((v, k) => {
    const unit = new Array<number>(vars.length).fill(0);
    unit[k] = 1;
    if (rank([...equations, unit]) === base) out.push(v);
  });
  return out;
}

/** In a grid that includes margins, the margin entry of a line counts with a minus sign. */
function marginSign(line: number, pos: number, _lines: number, positions: number): number {
  void line;
  return pos === positions - 1 ? -1 : 1;
}

const table = (maxRows: number, maxCols: number, maxValue: number) =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([m, n]) =>
    fc.array(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: maxValue })), { minLength: n, maxLength: n }),
      {
        minLength: m,
        maxLength: m,
      },
    ),
  );

describe('suppressCount', () => {
  it('hides 1..threshold-1 and shows zero and larger figures', () => {
    expect(suppressCount(0, PUBLIC_THRESHOLD)).toBe(0);
    expect(suppressCount(1, PUBLIC_THRESHOLD)).toBeNull();
    expect(suppressCount(9, PUBLIC_THRESHOLD)).toBeNull();
    expect(suppressCount(10, PUBLIC_THRESHOLD)).toBe(10);
    expect(suppressCount(4, INTERNAL_THRESHOLD)).toBeNull();
    expect(suppressCount(5, INTERNAL_THRESHOLD)).toBe(5);
  });
});

describe('suppressTable', () => {
  it('hides a small cell and a complement in its row and column, totals shown', () => {
    const out = suppressTable(
      [
        [3, 20, 30],
        [40, 50, 60],
        [25, 35, 45],
      ],
      10,
      { withTotals: true },
    );
    expect(out.cells[0]![0]).toBeNull();
    // the smallest other cell of row 0 (20) and of column 0 (25) are hidden with it,
    // then (2,1)=35 closes the cycle
    expect(out.cells[0]![1]).toBeNull();
    expect(out.cells[2]![0]).toBeNull();
    expect(out.cells[2]![1]).toBeNull();
    expect(out.cells[1]).toEqual([40, 50, 60]);
    expect(out.rowTotals).toEqual([53, 150, 105]);
    expect(out.grandTotal).toBe(308);
  });

  it('shows zeros, and a table without small cells unchanged', () => {
    const out = suppressTable(
      [
        [0, 12],
        [15, 0],
      ],
      10,
      { withTotals: true },
    );
    expect(out.cells).toEqual([
      [0, 12],
      [15, 0],
    ]);
    expect(out.colTotals).toEqual([15, 12]);
  });

  it('without totals returns null margins', () => {
    const out = suppressTable([[12, 40]], 10);
    expect(out.rowTotals).toEqual([null]);
    expect(out.colTotals).toEqual([null, null]);
    expect(out.grandTotal).toBeNull();
  });

  it('breaks a single cell that links two blocks of hidden cells', () => {
    // Two 2x2 blocks of small cells joined by one small cell at (1,2): every line has two or
    // more hidden cells, yet (1,2) follows from the equations unless something else is hidden.
    const cells = [
      [3, 4, 50, 60],
      [5, 6, 7, 70],
      [80, 90, 8, 2],
      [55, 65, 3, 4],
    ];
    const out = suppressTable(cells, 10, { withTotals: true });
    expect(derivable(extended(out, true), true)).toEqual([]);
  });

  it('rejects ragged or negative input', () => {
    expect(() => suppressTable([[1, 2], [3]], 10)).toThrow();
    expect(() => suppressTable([[-1]], 10)).toThrow();
  });

  for (const withTotals of [true, false]) {
    for (const threshold of [PUBLIC_THRESHOLD, INTERNAL_THRESHOLD]) {
      it(`property: safe tables (withTotals=${withTotals}, threshold=${threshold})`, () => {
        fc.assert(
          fc.property(table(6, 6, 40), (cells) => {
            const out = suppressTable(cells, threshold, { withTotals });
            const grid = extended(out, withTotals);
            const m = cells.length;
            const n = cells[0]!.length;
            // 1. shown values are the true ones, and none is small
            const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
            cells.forEach((row, i) =>
              row.forEach((v, j) => {
                const shown = out.cells[i]![j];
                if (shown !== null) expect(shown).toBe(v);
                if (v >= 1 && v < threshold) expect(shown).toBeNull();
              }),
            );
            if (withTotals) {
              out.rowTotals.forEach((t, i) => {
                if (t !== null) expect(t).toBe(rowTotals[i]);
                if (rowTotals[i]! >= 1 && rowTotals[i]! < threshold) expect(t).toBeNull();
              });
              for (const t of [...out.colTotals, out.grandTotal]) {
                if (t !== null) expect(t === 0 || t >= threshold).toBe(true);
              }
            }
            // 2. no line with exactly one hidden entry (where the line has another entry)
            if (withTotals || (m > 1 && n > 1)) {
              for (const row of grid) expect(row.filter((v) => v === null).length).not.toBe(1);
              for (let j = 0; j < grid[0]!.length; j++) {
                expect(grid.filter((row) => row[j] === null).length).not.toBe(1);
              }
              // 3. nothing hidden can be computed from the equations, with or without margins
              expect(derivable(grid, !withTotals)).toEqual([]);
            }
          }),
          { numRuns: 400 },
        );
      });
    }
  }
});
