import type { BrowserContext } from 'playwright-core';

/** One securitypolicyviolation event, as the page saw it. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  documentURI: string;
  sample: string;
  /** Where the blocked thing came from: a script and line, or the document. */
  source: string;
}

const BINDING = '__agentConsoleCspViolation';
const recorded = new WeakMap<BrowserContext, CspViolation[]>();

/**
 * Records every securitypolicyviolation event of every page and frame of the context in this process the
 * moment it fires, so a violation in a short-lived frame (the silent-renewal iframe) is not lost.
 */
export async function watchCsp(context: BrowserContext): Promise<void> {
  const violations: CspViolation[] = [];
  recorded.set(context, violations);
  await context.exposeBinding(BINDING, (_source, violation: CspViolation) => {
    violations.push(violation);
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, (violation: unknown) => void>)[binding];
        report?.({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          documentURI: event.documentURI,
          sample: event.sample,
          source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        });
      },
      true,
    );
  }, BINDING);
}

/** The violations recorded since the last call, which clears them. */
export function takeCspViolations(context: BrowserContext): CspViolation[] {
  const violations = recorded.get(context);
  if (!violations) throw new Error('this browser context is not watched for CSP violations: create it with watchCsp');
  return violations.splice(0);
}

export function describeViolations(violations: CspViolation[]): string {
  return violations
    .map((v) => `${v.directive} blocked ${v.blockedURI || '(inline)'} on ${v.documentURI} at ${v.source} ${v.sample}`.trim())
    .join('\n');
}

/** Fails naming each violation: the console must run under its policy without tripping it. */
export function expectNoCspViolations(context: BrowserContext) {
  const violations = takeCspViolations(context);
  if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${describeViolations(violations)}`);
}
