/** `npx tsx dev/deploy/update-docs.ts`: rewrites the generated blocks of docs/deploy.md from the generators. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDocs } from './docs.ts';

const file = join(process.cwd(), 'docs', 'deploy.md');
const before = readFileSync(file, 'utf8');
const after = renderDocs(before);
writeFileSync(file, after);
console.log(after === before ? `${file}: up to date.` : `${file}: generated blocks rewritten.`);
