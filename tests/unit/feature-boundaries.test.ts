import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const BIOME = join(process.cwd(), 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const written: string[] = [];

afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { force: true });
});

/** Lints a module written at `path` (inside src/, removed after the test); the diagnostics, empty when clean. */
function lint(path: string, source: string): string {
  const file = join(process.cwd(), path);
  written.push(file);
  writeFileSync(file, source);
  try {
    execFileSync(process.execPath, [BIOME, 'lint', '--max-diagnostics=5', file], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  }
}

describe('feature boundaries (npm run lint)', () => {
  it('fail when the chat imports the internals of the auth feature, however the path is written', () => {
    for (const specifier of ['../../auth/auth-state.ts', '../auth/auth-state.ts', '../../../features/auth/auth-state.ts']) {
      const dir = specifier.startsWith('../auth') ? 'src/features/chat' : 'src/features/chat/components';
      const output = lint(`${dir}/zz-boundary-probe.ts`, `export { currentUser } from '${specifier}';\n`);
      expect(output, specifier).toContain('Features do not import each other: chat may not import from the auth feature');
    }
  });

  it('fail when shared code imports a feature, or a feature the app', () => {
    expect(lint('src/lib/zz-boundary-probe.ts', "export { newSessionId } from '../features/chat/conversation.ts';\n")).toContain(
      'Shared code (lib, components, config, i18n) does not import a feature or the app.',
    );
    expect(lint('src/features/token/zz-boundary-probe.ts', "export { App } from '../../app/app.tsx';\n")).toContain(
      'Features do not import the app',
    );
  });

  it('pass for what a feature may import: its own modules and the shared ones', () => {
    expect(
      lint(
        'src/features/chat/components/zz-boundary-probe.ts',
        "export { t } from '../../../i18n/index.ts';\nexport { MessageView } from './message-view.tsx';\n",
      ),
    ).toBe('');
  });
});
