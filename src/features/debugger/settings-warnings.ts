import { td } from '../../i18n/debugger.ts';
import type { RuntimeSettings } from './runtime-verdict.ts';
import { type FetchPermission, webOrigin } from './trust.ts';

export interface SettingsWarnings {
  /** Shown above the verdict. */
  panel: string[];
  /** Shown above the agentkit.yaml block and written into it as comments. */
  yaml: string[];
  /** Set when the verdict rests on keys the configuration does not name. */
  offPoolHost?: string;
}

/** What a reader of the verdict and the YAML must know about settings a link or a paste may have set. */
export function settingsWarnings(settings: RuntimeSettings, permission: FetchPermission, poolIssuer: string): SettingsWarnings {
  const pool = webOrigin(poolIssuer)?.host ?? poolIssuer;
  const panel: string[] = [];
  const yaml: string[] = [];
  let offPoolHost: string | undefined;
  if (permission.kind === 'invalid') {
    panel.push(td('invalidSettings'));
    yaml.push(td('invalidSettings'));
  } else if (permission.kind !== 'pool') {
    offPoolHost = permission.host;
    panel.push(td('untrustedSettings', { host: permission.host, pool }));
    yaml.push(td('yamlUntrusted', { host: permission.host, pool }));
  }
  if (settings.allowedClients.length === 0) {
    panel.push(td('anyClient'));
    yaml.push(td('yamlAnyClient'));
  }
  return { panel, yaml, ...(offPoolHost ? { offPoolHost } : {}) };
}
