import { createContext, useContext } from 'react';
import type { ConsoleConfig } from './schema.ts';

export const ConfigContext = createContext<ConsoleConfig | null>(null);

export function useConfig(): ConsoleConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig must be used inside <ConfigContext.Provider>');
  return config;
}
