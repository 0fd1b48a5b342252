// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docBlocks, renderDocs } from '../../dev/deploy/docs.ts';

describe('docs/deploy.md', () => {
  const markdown = readFileSync(join(process.cwd(), 'docs', 'deploy.md'), 'utf8');

  it('shows exactly what npm run deploy writes for its example, so the two cannot drift', () => {
    // On failure: npx tsx dev/deploy/update-docs.ts rewrites the blocks from the generators.
    expect(renderDocs(markdown), 'docs/deploy.md is out of date: run `npx tsx dev/deploy/update-docs.ts`').toBe(markdown);
  });

  it('has a block for every host file it names', () => {
    for (const block of docBlocks()) expect(markdown).toContain(`<!-- generated: ${block.id} -->\n\`\`\`${block.lang}\n`);
  });
});
