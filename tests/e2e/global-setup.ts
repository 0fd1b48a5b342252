import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../support/chromium.ts';
import { type Stack, startStack } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: Stack;
  }
}

export default async function setup(project: TestProject) {
  const chromePath = ensureChromium();
  const { stack, stop } = await startStack(chromePath);
  project.provide('stack', stack);
  return stop;
}
