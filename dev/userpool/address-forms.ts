/**
 * The local pool answers discovery at the identity-path form too (`/userpool/<id>/.well-known/openid-configuration`,
 * the form agentkit-samples' workshop utilities build from the identity endpoint), with the same document: the
 * debugger's verdicts name which form they used, and this lets that be tried locally.
 */
export const LOCAL_POOL_ID = 'local';
export const IDENTITY_PATH_DISCOVERY = `/userpool/${LOCAL_POOL_ID}/.well-known/openid-configuration`;
