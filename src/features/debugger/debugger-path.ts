/** The debugger's route: the header links to it from the first page, which must not carry the link builders. */
export const DEBUGGER_PATH = '/debugger';
