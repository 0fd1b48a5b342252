import type { ConfigProblem, ConfigResult } from './schema.ts';
import { validateConfig } from './schema.ts';

export interface LoadedConfig {
  result: ConfigResult;
  /** Things that do not stop the console but that its operator should fix. */
  warnings: ConfigProblem[];
}

type FileRead = { values: Record<string, unknown> } | { problem: ConfigProblem };

function fileProblem(message: ConfigProblem['message'], params: ConfigProblem['params'] = {}): FileRead {
  return { problem: { key: 'config.json', message, params } };
}

/** Reads config.json beside index.html. Absent (404, or an SPA fallback answering with HTML) means "none". */
async function readConfigFile(url: string, fetchImpl: typeof fetch): Promise<FileRead> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch (error) {
    return fileProblem('config.fileUnreachable', { detail: error instanceof Error ? error.message : String(error) });
  }
  if (response.status === 404) return { values: {} };
  if (!response.ok) return fileProblem('config.fileStatus', { status: response.status });
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').includes('text/html') || /^\s*</.test(text)) return { values: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
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
}): Promise<LoadedConfig> {
  const file = await readConfigFile(options.configUrl, options.fetchImpl ?? fetch);
  if ('problem' in file) return { result: { ok: false, problems: [file.problem] }, warnings: [] };
  const { OAUTH2_CLIENT_SECRET, ...values } = file.values;
  const warnings: ConfigProblem[] =
    OAUTH2_CLIENT_SECRET === undefined ? [] : [{ key: 'config.json', message: 'config.secretIgnored', params: {} }];
  return { result: validateConfig({ ...options.buildConfig, ...values }, options.origin), warnings };
}
