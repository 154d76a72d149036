// Every error the HTTP edge can answer, with its status and its message in both languages. Responses
// carry {"error":{"code","message"}}; the code is stable for programs, the message is for people.
import { HTTPException } from 'hono/http-exception';
import type { Context, ValidationTargets } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Lang } from '../core/types.ts';
import type { AppEnv } from './context.ts';
import { errorPage, wantsHtml } from './error-page.ts';
import { LIMITS } from './schemas.ts';

export interface MessageParams {
  field?: string;
  expected?: string;
  max?: number;
  turn?: number;
  value?: string;
  title?: string;
  label?: string;
  seconds?: number;
}

type Messages = Record<Lang, (p: MessageParams) => string>;

const TYPE_NAMES: Record<string, Record<Lang, string>> = {
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  array: { zh: '数组', en: 'an array' },
  object: { zh: '对象', en: 'an object' },
  boolean: { zh: '布尔值', en: 'a boolean' },
};
const typeName = (expected: string | undefined, lang: Lang) => TYPE_NAMES[expected ?? '']?.[lang] ?? expected ?? '';

const MESSAGES = {
  missing_field: { zh: (p) => `缺少参数 ${p.field}。`, en: (p) => `Missing field ${p.field}.` },
  wrong_type: {
    zh: (p) => `参数 ${p.field} 应为${typeName(p.expected, 'zh')}。`,
    en: (p) => `Field ${p.field} must be ${typeName(p.expected, 'en')}.`,
  },
  invalid_field: { zh: (p) => `参数 ${p.field} 无效。`, en: (p) => `Field ${p.field} is invalid.` },
  body_not_json: {
    zh: () => '请求体必须是 JSON，Content-Type 应为 application/json。',
    en: () => 'The request body must be JSON, with Content-Type: application/json.',
  },
  invalid_utf8: { zh: () => '请求体不是有效的 UTF-8 文本。', en: () => 'The request body is not valid UTF-8.' },
  invalid_json: { zh: () => '请求体不是有效的 JSON。', en: () => 'The request body is not valid JSON.' },
  json_too_deep: {
    zh: (p) => `请求体的 JSON 嵌套超过 ${p.max} 层。`,
    en: (p) => `The request body's JSON is nested more than ${p.max} levels deep.`,
  },
  body_timeout: {
    zh: () => '请求体发送过慢，连接已关闭。',
    en: () => 'The request body arrived too slowly; the connection is closed.',
  },
  body_aborted: { zh: () => '请求体未发送完整。', en: () => 'The request body ended before it was complete.' },
  body_not_object: { zh: () => '请求体应为 JSON 对象。', en: () => 'The request body must be a JSON object.' },
  question_empty: { zh: () => '问题不能为空。', en: () => 'The question must not be empty.' },
  question_too_long: {
    zh: () => `问题不能超过 ${LIMITS.question} 个字符。`,
    en: () => `The question must be at most ${LIMITS.question} characters long.`,
  },
  question_invalid_chars: {
    zh: () => '问题包含不允许的控制字符或无效字符。',
    en: () => 'The question contains control characters or invalid characters.',
  },
  history_too_long: {
    zh: () => `对话历史最多 ${LIMITS.historyTurns} 轮。`,
    en: () => `The conversation history may have at most ${LIMITS.historyTurns} turns.`,
  },
  history_invalid: {
    zh: (p) => `对话历史第 ${p.turn} 轮格式有误：应为 {"role": "user" 或 "assistant", "content": 不超过 ${LIMITS.turnContent} 字、不含控制字符的文本}。`,
    en: (p) =>
      `Turn ${p.turn} of the history is malformed: expected {"role": "user" or "assistant", "content": text of at most ${LIMITS.turnContent} characters without control characters}.`,
  },
  lang_invalid: { zh: () => 'lang 只能是 "zh" 或 "en"。', en: () => 'lang must be "zh" or "en".' },
  query_empty: { zh: () => '搜索词不能为空。', en: () => 'The search query must not be empty.' },
  query_too_long: { zh: () => `搜索词不能超过 ${LIMITS.query} 个字符。`, en: () => `The search query must be at most ${LIMITS.query} characters long.` },
  query_invalid_chars: { zh: () => '搜索词包含不允许的控制字符或无效字符。', en: () => 'The search query contains control characters or invalid characters.' },
  k_invalid: { zh: () => `k 应为 1 到 ${LIMITS.k} 之间的整数。`, en: () => `k must be a whole number from 1 to ${LIMITS.k}.` },
  actor_empty: { zh: () => '请填写机构或主体名称，例如“数据主管部门”。', en: () => 'Give an actor, e.g. 数据主管部门.' },
  actor_too_long: { zh: () => `机构名称不能超过 ${LIMITS.actor} 个字符。`, en: () => `The actor must be at most ${LIMITS.actor} characters long.` },
  actor_invalid_chars: { zh: () => '机构名称包含不允许的控制字符或无效字符。', en: () => 'The actor contains control characters or invalid characters.' },
  article_invalid: {
    zh: (p) => `条文编号“${p.value}”无效：应为数字，例如 14，或 133-1 表示第一百三十三条之一。`,
    en: (p) => `Invalid article number "${p.value}": use digits, e.g. 14, or 133-1 for 第一百三十三条之一.`,
  },
  regulation_not_found: {
    zh: (p) => `没有找到法规“${p.value}”。可用的法规见 /api/regulations。`,
    en: (p) => `No regulation "${p.value}". See /api/regulations for the available ones.`,
  },
  article_not_found: {
    zh: (p) => `《${p.title}》的文本中没有${p.label}${p.max ? `（条文编号为 1 到 ${p.max}）` : ''}。`,
    en: (p) => `${p.label} (article ${p.value}) is not in the text of 《${p.title}》${p.max ? ` (its articles are numbered 1 to ${p.max})` : ''}.`,
  },
  not_found: { zh: () => '没有这个页面或接口。', en: () => 'No such page or endpoint.' },
  method_not_allowed: {
    zh: (p) => `此接口不支持该请求方法，可用的方法：${p.value}。`,
    en: (p) => `This endpoint does not support that method; allowed: ${p.value}.`,
  },
  expectation_failed: { zh: () => '不支持请求头 Expect 的取值。', en: () => 'The Expect header value is not supported.' },
  unhealthy: { zh: () => '服务器当前无法处理请求。', en: () => 'The server cannot serve requests at the moment.' },
  payload_too_large: {
    zh: () => `请求体超过 ${LIMITS.bodyBytes / 1024} KiB 的上限。`,
    en: () => `The request body exceeds the ${LIMITS.bodyBytes / 1024} KiB limit.`,
  },
  rate_limited: {
    zh: (p) => `请求过于频繁，请 ${p.seconds} 秒后再试。`,
    en: (p) => `Too many requests; try again in ${p.seconds} s.`,
  },
  overloaded: { zh: () => '服务器繁忙，请稍后再试。', en: () => 'The server is busy; try again shortly.' },
  timeout: { zh: () => '处理超时，请稍后再试。', en: () => 'The request took too long; try again shortly.' },
  internal: { zh: () => '服务器内部错误，请稍后再试。', en: () => 'Internal server error; try again later.' },
  malformed_request: {
    zh: () => '请求格式不正确（例如网址中含有未编码的字符，请用 URL 编码）。',
    en: () => 'Malformed HTTP request (for example, unencoded characters in the URL; percent-encode them).',
  },
  feedback_unavailable: {
    zh: () => '本服务器没有配置反馈存储。',
    en: () => 'Feedback storage is not configured on this server.',
  },
  review_disabled: {
    zh: () => '审核页面未启用：需要配置 ADMIN_TOKEN。',
    en: () => 'The review page is disabled: set ADMIN_TOKEN to enable it.',
  },
  review_login_failed: { zh: () => '管理口令不正确。', en: () => 'Wrong admin token.' },
  review_login_required: { zh: () => '请先登录审核页面。', en: () => 'Log in to the review page first.' },
  review_gold_invalid: {
    zh: (p) => `条款“${p.value}”无效或不存在：每行写一个，例如 guizhou-big-data 14 或 guizhou-big-data 14 3（第十四条第三款）。`,
    en: (p) => `"${p.value}" is not an article of the corpus: one per line, e.g. guizhou-big-data 14, or guizhou-big-data 14 3 for paragraph 3.`,
  },
  review_cross_site: { zh: () => '不接受来自其他网站的审核表单。', en: () => 'Review forms posted from another site are refused.' },
  review_already_decided: { zh: () => '这条反馈已经审核过了。', en: () => 'This feedback has already been reviewed.' },
  headers_too_large: { zh: () => '请求头过大。', en: () => 'The request headers are too large.' },
} satisfies Record<string, Messages>;

export type ErrorCode = keyof typeof MESSAGES;

const isErrorCode = (s: string): s is ErrorCode => Object.hasOwn(MESSAGES, s);

/** Thrown anywhere in a request; app.onError renders it. Extends HTTPException so hono/timeout can throw it. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    /** Seconds, for 429 and 503. */
    readonly retryAfter?: number,
  ) {
    super(status, { message: code });
    this.name = 'ApiError';
  }
}

export function errorResponse(c: Context<AppEnv>, error: ApiError): Response | Promise<Response> {
  const lang: Lang = c.get('language') ?? 'zh';
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter));
  if (wantsHtml(c)) return c.html(errorPage(error.status, messageOf(error.code, lang, error.params), lang), error.status);
  return c.json({ error: { code: error.code, message: messageOf(error.code, lang, error.params) } }, error.status);
}

/**
 * The first zod issue as an ApiError. Schemas name their own message codes (`{ error: 'question_empty' }`);
 * issues without one (wrong JSON types, missing fields) get a generic message naming the field.
 */
export function validationError(issues: readonly z.core.$ZodIssue[], input: unknown): ApiError {
  const issue = issues[0];
  if (!issue) return new ApiError(400, 'invalid_field', { field: '?' });
  const path = issue.path;
  const field = path.join('.');
  const value = path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), input);
  const params: MessageParams = {
    field,
    value: typeof value === 'string' ? value : preview(value),
    turn: path[0] === 'history' && typeof path[1] === 'number' ? path[1] + 1 : undefined,
  };
  if (isErrorCode(issue.message)) return new ApiError(400, issue.message, params);
  if (issue.code === 'invalid_type') {
    if (path.length === 0) return new ApiError(400, 'body_not_object');
    if (value === undefined) return new ApiError(400, 'missing_field', params);
    return new ApiError(400, 'wrong_type', { ...params, expected: issue.expected });
  }
  return new ApiError(400, 'invalid_field', params);
}

/** A rejected value for a message: bounded, and never a throw (a cyclic or very deep value is shown as "…"). */
function preview(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return '…';
  }
}

/** The input a validator rejected, so that messages can quote it and tell a missing field from a wrong one. */
export function rejectedInput(c: Context, target: keyof ValidationTargets): Promise<unknown> | unknown {
  if (target === 'json') return c.req.json();
  if (target === 'query') return c.req.query();
  if (target === 'param') return c.req.param();
  return undefined;
}

/** For routes outside the OpenAPI registry (the HTML pages): parse or throw the same errors as the API. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues, input);
  return result.data;
}

export function messageOf(code: ErrorCode, lang: Lang, params: MessageParams = {}): string {
  return MESSAGES[code][lang](params);
}
