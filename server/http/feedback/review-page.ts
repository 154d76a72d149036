// /review: officials confirm or correct the articles that answer a question people gave feedback on.
// A confirmed question is appended to the corpus's question log, which the next index build learns
// from; a rejected one is kept out of it. Enabled only when ADMIN_TOKEN is set; otherwise 404.
import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import type { Assistant } from '../../core/types.ts';
import { ApiError } from '../errors.ts';
import { layout, type Html } from '../layout.ts';
import { rateLimit } from '../middleware/rate-limit/index.ts';
import { LIMITS } from '../schemas.ts';
import { subOf } from '../widget/segments.ts';
import { checkFormToken, endSession, requireSession, startSession, tokenMatches, type ReviewEnv } from './review-auth.ts';
import type { ArticleRef, FeedbackRecord, FeedbackStore } from './store.ts';

export interface ReviewOptions {
  assistant: Assistant;
  store: FeedbackStore;
  adminToken: string;
  /** Where confirmed questions go; absent, they stay in the database only. */
  questionLog?: QuestionLog;
}

/** The corpus's question log, which the next index build learns from (Node: server/node/question-log.ts). */
export interface QuestionLog {
  append(question: string, gold: ArticleRef[], source: string): Promise<void>;
}

const PAGE_SIZE = 50;
const checkOrigin = csrf();

/** hono's csrf(): a form posted from another site (Origin / Sec-Fetch-Site) is refused with our 403. */
const sameSiteForms: MiddlewareHandler = async (c, next) => {
  try {
    await checkOrigin(c, next);
  } catch (error) {
    if (error instanceof HTTPException && !(error instanceof ApiError) && error.status === 403) throw new ApiError(403, 'review_cross_site');
    throw error;
  }
};

/** "guizhou-big-data 14-1 3" → 第十四条之一第三款 of that regulation, checked against the corpus. */
export function parseGold(text: string, assistant: Assistant): ArticleRef[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) throw new ApiError(400, 'review_gold_invalid', { value: '' });
  return lines.map((line) => {
    const m = /^(\S+)\s+(\d+)(?:-(\d+))?(?:\s+(\d+))?$/.exec(line);
    const reg = m && assistant.regulation(m[1]!);
    const [n, sub, paragraph] = [Number(m?.[2]), Number(m?.[3] ?? 0), m?.[4] === undefined ? undefined : Number(m[4])];
    const article = reg?.articles.find((a) => a.no.n === n && a.no.sub === sub);
    if (!reg || !article || (paragraph !== undefined && !article.paragraphs.some((p) => p.number === paragraph))) {
      throw new ApiError(400, 'review_gold_invalid', { value: line });
    }
    return { regulationId: reg.id, article: n, ...(sub && { sub }), ...(paragraph !== undefined && { paragraph }) };
  });
}

/** The cited clauses as gold lines, the reviewer's starting point. */
const goldLines = (f: FeedbackRecord) =>
  [...new Set(f.citations.filter((c) => c.article !== null).map((c) => `${c.regulationId} ${c.article}${subOf(c.label) ? `-${subOf(c.label)}` : ''}${c.paragraph ? ` ${c.paragraph}` : ''}`))].join('\n');

function entry(f: FeedbackRecord, formToken: string): Html {
  return html`<li class="review-item">
  <p><strong>${f.question}</strong> <span class="meta">${f.rating === 'up' ? '👍 有帮助' : '👎 没有帮助'} · ${f.createdAt.slice(0, 16).replace('T', ' ')} · ${f.lang}</span></p>
  ${f.comment && html`<p class="comment">“${f.comment}”</p>`}
  <details><summary>回答</summary><p class="answer">${f.answer}</p></details>
  <form method="post" action="/review/${f.id}">
    <input type="hidden" name="formToken" value="${formToken}">
    <label for="gold-${f.id}">回答这个问题的条款（每行一条：法规编号 条号[-之几] [款号]）</label>
    <textarea id="gold-${f.id}" name="gold" rows="3">${goldLines(f)}</textarea>
    <div class="buttons"><button name="decision" value="confirm">确认并加入问题库</button> <button name="decision" value="reject" class="secondary">不采用</button></div>
  </form>
</li>`;
}

function loginPage(): Html {
  return layout({
    title: '反馈审核',
    nav: null,
    body: html`<h1>反馈审核</h1>
<form class="login" method="post" action="/review/login">
  <label for="token">管理口令</label> <input id="token" name="token" type="password" required autocomplete="current-password">
  <button type="submit">登录</button>
</form>`,
  });
}

export function reviewRoutes(options: ReviewOptions): Hono<ReviewEnv> {
  const { assistant, store, adminToken, questionLog } = options;
  const app = new Hono<ReviewEnv>();
  app.use(
    '/review/*',
    sameSiteForms,
    rateLimit({ perMinute: 60, burst: 30 }),
    bodyLimit({
      maxSize: LIMITS.bodyBytes,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    }),
  );
  app.use('/review', rateLimit({ perMinute: 60, burst: 30 }));
  // Guessing the token is slowed to a few tries a minute per client.
  app.post('/review/login', rateLimit({ perMinute: 5, burst: 5 }), async (c) => {
    const form = await c.req.parseBody();
    if (typeof form.token !== 'string' || !(await tokenMatches(form.token, adminToken))) throw new ApiError(401, 'review_login_failed');
    await startSession(c, adminToken);
    return c.redirect('/review', 303);
  });
  app.post('/review/logout', (c) => {
    endSession(c);
    return c.redirect('/review', 303);
  });

  const signedIn = requireSession(adminToken, (c) => (c.req.method === 'GET' ? c.html(loginPage(), 200) : c.redirect('/review', 303)));
  app.get('/review', signedIn, async (c) => {
    const pending = await store.list('new', PAGE_SIZE);
    const body = html`<h1>反馈审核</h1>
<p class="lead">确认的问题和条款写入问题库（corpus/questions.jsonl），下次构建索引时用于学习；未确认的反馈不会进入。</p>
${pending.length === 0 ? html`<p class="empty" role="status">没有待审核的反馈。</p>` : html`<ol class="review">${pending.map((f) => entry(f, c.get('formToken')))}</ol>`}
<form method="post" action="/review/logout"><button class="secondary">退出</button></form>`;
    return c.html(layout({ title: '反馈审核', nav: null, body }));
  });
  app.post('/review/:id{[0-9]+}', signedIn, async (c) => {
    const form = await c.req.parseBody();
    await checkFormToken(c, form.formToken);
    const id = Number(c.req.param('id'));
    const feedback = await store.get(id);
    if (!feedback) throw new ApiError(404, 'not_found');
    if (form.decision === 'reject') {
      if (!(await store.decide(id, 'rejected', null))) throw new ApiError(409, 'review_already_decided');
      return c.redirect('/review', 303);
    }
    const gold = parseGold(typeof form.gold === 'string' ? form.gold : '', assistant);
    if (!(await store.decide(id, 'confirmed', gold))) throw new ApiError(409, 'review_already_decided');
    try {
      await questionLog?.append(feedback.question, gold, 'review');
    } catch (error) {
      // Not in the log, so not confirmed: the entry waits for another try.
      await store.reopen(id);
      throw error;
    }
    return c.redirect('/review', 303);
  });
  return app;
}
