import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { enSetup } from '../../src/i18n/en-setup.ts';
import { enWorkspace } from '../../src/i18n/en-workspace.ts';
import { addEnglish } from '../../src/i18n/index.ts';

// In the app the workspace and setup chunks add their English texts as they load; components tested alone get them here.
addEnglish(enWorkspace);
addEnglish(enSetup);

afterEach(() => {
  cleanup();
});
