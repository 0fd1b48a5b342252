import type { explainEn } from './agentkit-errors-en.ts';
import type { Translation } from './placeholders.ts';

/** 错误解释（原因与处理办法）的简体中文文本，仅在中文界面加载。 */
const texts = {
  why: '原因：',
  fix: '处理办法：',
  source: '出处',
  sentBy: '来自{sender}',
  'from.runtime': 'AgentKit 运行时',
  'from.gateway': 'AgentKit 网关',
  'from.identity': '身份服务',
  'from.provider': '授权提供方',
  'from.pool': '用户池',
  'from.agent': '智能体代码',

  'consumer-auth.cause':
    'AgentKit 网关在调用到达智能体之前就拒绝了它：请求没有携带网关接受的凭据。教程中，当授权提供方的回调地址指向 Runtime 而不是身份服务时会出现这个错误。',
  'consumer-auth.fix':
    '如果发生在授权之后：把凭据提供方的回调地址以及提供方应用的重定向地址设为 {callback}。否则请发送允许的客户端的有效访问令牌。',
  'insufficient-scope.cause': '令牌有效，但缺少该资源需要的 scope（{scope}）。',
  'insufficient-scope.fix': '登录时请求该 scope（OAUTH2_SCOPES），在用户池中为客户端允许它，然后重新登录。',
  'token-missing.cause': 'Runtime 没有收到 Bearer 令牌：custom_jwt 需要“Authorization: Bearer <访问令牌>”。',
  'token-missing.fix': '请登录。控制台与 Runtime 之间的代理必须转发 Authorization 请求头。',
  'token-id-token.cause': '在需要访问令牌的地方发送了 ID Token。',
  'token-id-token.fix': '请发送访问令牌（控制台就是这样做的）；调试器会显示令牌的类型。',
  'token-expired.cause': '访问令牌已超过 exp：从那一刻起 custom_jwt 就拒绝它。',
  'token-expired.fix': '请重新登录，或让控制台续期会话。如果刚续期就出现，请比较本机时钟与用户池的时钟（调试器会显示偏差）。',
  'token-not-yet-valid.cause': '令牌的 nbf 或 iat 在 Runtime 看来是未来的时间：用户池和 Runtime 的时钟不一致。',
  'token-not-yet-valid.fix': '同步时钟（NTP），稍后再试。',
  'token-issuer.cause':
    '令牌的 iss 不是 runtime_jwt_discovery_url 所指的颁发者：Runtime 信任的是另一个用户池，或同一用户池的另一种地址形式。',
  'token-issuer.fix':
    '把 runtime_jwt_discovery_url 设为令牌的 iss 加上 /.well-known/openid-configuration；调试器的判定会写明所用的地址形式。',
  'token-client.cause': '令牌的 client_id 不在 runtime_jwt_allowed_clients 中。',
  'token-client.fix': '把本控制台的客户端 ID 加入 agentkit.yaml 的 runtime_jwt_allowed_clients 并重新部署（调试器会给出配置块）。',
  'token-signature.cause': '签名无法用 runtime_jwt_discovery_url 的公钥验证：令牌来自其他用户池、公钥已轮换，或令牌被改动过。',
  'token-signature.fix': '确认发现地址指向颁发该令牌的用户池；调试器可以在浏览器中校验签名。',
  'token-invalid.cause': 'Runtime 拒绝了令牌（invalid_token）：{detail}',
  'token-invalid.fix': '在调试器中打开该令牌：判定会写明未通过的检查项。',
  'consent-timeout.cause': '智能体等待您对第三方的授权，但超时放弃了：身份服务的令牌库没有及时拿到令牌。',
  'consent-timeout.fix':
    '打开授权链接并在智能体的等待时间内完成授权。如果提供方跳过了授权页（您以前授权过），请在提供方处撤销该应用的授权后再试；并确认提供方会把您送回 {callback}。',
  'provider-redirect.cause': '授权提供方不认识它收到的重定向地址（飞书错误 20029）。',
  'provider-redirect.fix':
    '出站授权：把 {callback} 加入提供方应用的重定向地址（飞书：安全设置）；飞书登录：从用户池控制台复制用户池自己的回调地址。然后重新发布应用。',
  'provider-permission.cause': '提供方应用缺少所需的权限（飞书错误 20027，例如 contact:contact.base:readonly）。',
  'provider-permission.fix': '在提供方应用的权限管理中申请该权限，然后重新发布应用。',
  'provider-scope.cause': '提供方拒绝了这些 scope（飞书错误 20043）：它不接受 openid 等 OpenID scope。',
  'provider-scope.fix': '为凭据提供方配置提供方自己的 scope，例如飞书文档用 drive:drive,docx:document:readonly。',
  'client-redirect-missing.cause': '用户池客户端没有为该流程配置回调地址（redirect_uri is missing）。',
  'client-redirect-missing.fix': '把回调地址加入客户端允许的回调地址（调试器的区域清单列出了它们）。',
  'credential-provider.cause': '身份服务中没有智能体所要的那个名称的凭据提供方。',
  'credential-provider.fix': '在 Agent Identity 中创建该凭据提供方，或改正智能体配置中的名称。',
  'workload-token.cause': '智能体拿不到工作负载访问令牌：凭据托管只在智能体运行于 AgentKit Runtime 时可用。',
  'workload-token.fix': '把智能体部署到 AgentKit Runtime 以使用出站凭据。',
  'assume-role.cause': '智能体的火山引擎凭据无权扮演身份服务角色（AssumeRole NoPermission），常见原因是终端中的访问密钥与 .env 中的不同。',
  'assume-role.fix': '在各处使用同一组访问密钥（终端环境变量优先于 .env），然后重启智能体。',
  'callback-code-state.cause': '回调到达时缺少授权码或 state：注册的回调地址与实际使用的不一致。',
  'callback-code-state.fix': '让用户池客户端和智能体设置中的回调地址完全一致（协议、主机和路径）。',
  'idp-config.cause': '用户池的外部身份提供方（例如飞书）的 App ID 或 App Secret 配置错误。',
  'idp-config.fix': '在用户池的外部身份提供方中改正 App ID 和 App Secret。',
  'session-not-found.cause': 'Runtime 中没有该用户的这个会话：会话属于令牌的 sub，在未先创建或已删除的会话中运行会被拒绝。',
  'session-not-found.fix': '开始新的对话；其他用户的会话或已删除的会话无法继续。',
  'user-refused.cause': 'Runtime 拒绝了调用所带的 user_id：身份模式下它把用户绑定到经过验证的令牌的 sub，请求头只是一个普通值。',
  'user-refused.fix': '让 user_id 等于令牌的 sub（控制台就是这样做的），或者不发送它；两者不同时调试器会给出警告。',
  'session-refused.cause': 'Runtime 拒绝了 session_id 请求头。',
  'session-refused.fix': '开始新的对话以获得新的会话 ID：会话 ID 按用户区分，并且必须在 Runtime 的限制之内。',
  'execution-hidden.cause': '智能体代码出错；身份模式下 agent server app 不公开异常，只说“agent execution failed”。',
  'execution-hidden.fix': '请在 Runtime 的日志中查看异常：控制台看不到它。',
  'stream-exception.cause': '智能体代码在流式返回时抛出了 {type}：{detail}',
  'stream-exception.fix': '修正智能体代码或它调用的服务；Runtime 的日志中有调用栈。',
} as const;

export const explainZh: Translation<typeof explainEn, typeof texts> = texts;
