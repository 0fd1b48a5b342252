/** Printing helpers: every figure beside its baseline from the same run, with the ratio. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(2)}×` : '–';
}

export function row(what: string, value: number | undefined, baseline: number | undefined, unit: string, goal = '') {
  const shown = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(unit === 'KB' ? 1 : 0)} ${unit}`);
  return {
    what,
    console: shown(value),
    baseline: shown(baseline),
    ratio: value !== undefined && baseline !== undefined ? ratio(value, baseline) : '–',
    goal,
  };
}
