import { randomUUID } from 'node:crypto';

/** The shape of a long agent answer: a report with headings, lists, code and tables. */
function section(index: number): string {
  return [
    `## Section ${index}: findings`,
    '',
    `The run **${index}** looked at the *gateway logs* and found the following; each point links to [its source](https://example.com/runs/${index}).`,
    '',
    `- requests checked: ${1000 + index}`,
    `- refused with \`401\`: ${index % 7}`,
    `- median latency: ${40 + (index % 13)} ms`,
    '',
    '```ts',
    `const run${index} = await invoke({ prompt: 'summarise section ${index}' });`,
    `console.log(run${index}.status, run${index}.latencyMs);`,
    '```',
    '',
    '| metric | value | change |',
    '| --- | ---: | --- |',
    `| calls | ${2000 + index} | +${index % 5}% |`,
    `| errors | ${index % 11} | -${index % 3}% |`,
    `| tokens | ${index * 17} | +${index % 9}% |`,
    '',
  ].join('\n');
}

/** About `kilobytes` of report markdown. */
export function reportMarkdown(kilobytes: number): string {
  const parts = ['# Weekly agent report', ''];
  let length = 0;
  for (let index = 1; length < kilobytes * 1024; index++) {
    const text = section(index);
    parts.push(text);
    length += text.length;
  }
  return parts.join('\n');
}

/** ADK partial events of 120 characters each, then the final event repeating the whole text. */
export function* reportStream(kilobytes: number, delayMs: number): Iterable<{ payload: unknown; delayMs: number }> {
  const text = reportMarkdown(kilobytes);
  const invocationId = `e-${randomUUID()}`;
  const event = (chunk: string, partial: boolean) => ({
    author: 'local_agent',
    invocationId,
    id: randomUUID(),
    partial,
    content: { role: 'model', parts: [{ text: chunk }] },
  });
  for (let offset = 0; offset < text.length; offset += 120) yield { payload: event(text.slice(offset, offset + 120), true), delayMs };
  yield { payload: event(text, false), delayMs: 0 };
}
