/** The bench's answers: a long markdown report, and many tiny ADK partial events. Each ends with a sentinel. */
export const SENTINEL = 'END-OF-ANSWER-7f3a';
const DELTA_CHARS = 120;

function section(index: number): string {
  return [
    `## ${index}. Results of run ${index}`,
    '',
    `The agent compared **variant ${index}** with the baseline and found *${index % 7} regressions*; see \`report-${index}.json\` for the raw data.`,
    '',
    `- latency p50: ${index * 3} ms`,
    `- latency p99: ${index * 11} ms`,
    `  - of which queueing: ${index % 13} ms`,
    `1. rerun with [the profile](https://example.com/runs/${index})`,
    '',
    '```ts',
    `export function run${index}(input: number[]): number {`,
    `  return input.reduce((sum, value) => sum + value * ${index}, 0);`,
    '}',
    '```',
    '',
    '| metric | before | after | change |',
    '| --- | ---: | ---: | ---: |',
    `| requests | ${index * 100} | ${index * 98} | -2% |`,
    `| errors | ${index % 5} | ${index % 3} | ${(index % 3) - (index % 5)} |`,
    `| bytes | ${index * 2048} | ${index * 1990} | -3% |`,
    '',
    `> Note ${index}: numbers are from a 2-core machine.`,
    '',
  ].join('\n');
}

/** At least `minChars` of markdown with headings, lists, code, tables and quotes. */
export function markdownReport(minChars = 300 * 1024): string {
  const parts = ['# Benchmark report', ''];
  let length = 0;
  for (let index = 1; length < minChars; index++) {
    const next = section(index);
    parts.push(next);
    length += next.length;
  }
  parts.push(`Done: ${SENTINEL}`);
  return parts.join('\n');
}

/** `text` cut into the ADK's 120-character deltas. */
export function markdownDeltas(text: string): string[] {
  const deltas: string[] = [];
  for (let offset = 0; offset < text.length; offset += DELTA_CHARS) deltas.push(text.slice(offset, offset + DELTA_CHARS));
  return deltas;
}

/** `count` partial events of a word each, as a chatty model streams them. */
export function wordDeltas(count: number): string[] {
  const deltas = Array.from({ length: count - 1 }, (_, index) => `w${index % 1000} `);
  deltas.push(SENTINEL);
  return deltas;
}
