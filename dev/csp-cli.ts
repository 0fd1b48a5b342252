import { restamp } from './csp-stamp.ts';

const distDir = process.argv[2];
if (!distDir) {
  console.error('usage: npm run csp -- <dist folder>   (re-stamps <dist>/index.html for <dist>/config.json)');
  process.exit(2);
}
try {
  console.log(restamp(distDir).report.join('\n'));
} catch (error) {
  console.error(`npm run csp: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
