import { watchPolicyViolations } from './policy-violations.ts';
import type { ConfigProblem, ConfigResult } from './schema.ts';
import { validateConfig } from './schema.ts';
import { policyDrift, stampedPolicy } from './stamped-policy.ts';

export interface LoadedConfig {
  result: ConfigResult;
  /** Things that do not stop the console but that its operator should fix. */
  warnings: ConfigProblem[];
}

type FileRead = { values: Record<string, unknown> } | { problem: ConfigProblem };

function fileProblem(message: ConfigProblem['message'], params: ConfigProblem['params'] = {}): FileRead {
  return { problem: { key: 'config.json', message, params } };
}

/** A host that accepts the connection and never answers must not leave "Loading configuration…" forever. */
export const CONFIG_DEADLINE_MS = 10_000;

/** Settles with `work`, or rejects once `signal` aborts, even if `work` ignores the signal. */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  return Promise.race([work, aborted]);
}

/** config.json as read over HTTP: by public/config-read.js as the page loaded, or by fetchConfigFile. */
export interface ConfigFileRead {
  status: number;
  contentType: string;
  text: string;
}

async function fetchConfigFile(url: string, fetchImpl: typeof fetch, deadline: AbortSignal): Promise<ConfigFileRead> {
  const response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' }, signal: deadline });
  const status = response.status;
  const contentType = response.headers.get('content-type') ?? '';
  return { status, contentType, text: response.ok ? await response.text() : '' };
}

/** The read public/config-read.js began, when that script ran (a promise it left on window), else undefined. */
export function earlyConfigRead(value: unknown): Promise<ConfigFileRead> | undefined {
  return typeof (value as Promise<unknown> | undefined)?.then === 'function' ? (value as Promise<ConfigFileRead>) : undefined;
}

/** Reads config.json beside index.html. Absent (404, or an SPA fallback answering with HTML) means "none". */
async function readConfigFile(start: (deadline: AbortSignal) => Promise<ConfigFileRead>, deadlineMs: number): Promise<FileRead> {
  const deadline = AbortSignal.timeout(deadlineMs);
  let read: ConfigFileRead;
  try {
    read = await beforeDeadline(start(deadline), deadline);
  } catch (error) {
    if (deadline.aborted) return fileProblem('config.fileTimeout', { seconds: deadlineMs / 1000 });
    return fileProblem('config.fileUnreachable', { detail: error instanceof Error ? error.message : String(error) });
  }
  if (read.status === 404) return { values: {} };
  if (read.status < 200 || read.status > 299) return fileProblem('config.fileStatus', { status: read.status });
  if (String(read.contentType).includes('text/html') || /^\s*</.test(String(read.text))) return { values: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(read.text));
  } catch (error) {
    return fileProblem('config.fileMalformed', { detail: error instanceof Error ? error.message : 'parse error' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fileProblem('config.fileNotObject');
  return { values: parsed as Record<string, unknown> };
}

/** Build-time values overlaid by config.json, so one build serves any user pool and agent. */
export async function loadConfig(options: {
  buildConfig: Record<string, string>;
  configUrl: string;
  origin: string;
  fetchImpl?: typeof fetch;
  /** config.json already being read (see earlyConfigRead): taken as it is, with the same deadline and checks. */
  early?: Promise<ConfigFileRead>;
  deadlineMs?: number;
  /** The Content-Security-Policy index.html was stamped with; read from the page when not given. */
  policy?: string;
}): Promise<LoadedConfig> {
  const { early, configUrl, fetchImpl = fetch } = options;
  // From the start: a request the policy blocks must be told apart from a network error (policy-violations.ts).
  watchPolicyViolations();
  const file = await readConfigFile(
    (deadline) => early ?? fetchConfigFile(configUrl, fetchImpl, deadline),
    options.deadlineMs ?? CONFIG_DEADLINE_MS,
  );
  if ('problem' in file) return { result: { ok: false, problems: [file.problem] }, warnings: [] };
  const { OAUTH2_CLIENT_SECRET, ...values } = file.values;
  const warnings: ConfigProblem[] =
    OAUTH2_CLIENT_SECRET === undefined ? [] : [{ key: 'config.json', message: 'config.secretIgnored', params: {} }];
  const result = validateConfig({ ...options.buildConfig, ...values }, options.origin);
  // A config.json written after the policy was stamped: the browser would block the pool or the agent.
  const drift = result.ok ? policyDrift(result.config, options.policy ?? stampedPolicy(), options.origin) : [];
  return { result: drift.length > 0 ? { ok: false, problems: drift } : result, warnings };
}
