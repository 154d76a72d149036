// Officials' page: every duty of an actor, as a table filtered by regulation, with a CSV export.
// Plain server-rendered HTML with a GET form, so it works without scripts and every result has a URL.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { actorCore, type Assistant, type DutyList, type Modality } from '../core/index.ts';
import type { AppEnv } from './context.ts';
import { parseOrThrow } from './errors.ts';
import { articleAnchor, regulationHref } from './format.ts';
import { draftBadge, layout, type Html } from './layout.ts';
import { optionalRegulation } from './lookup.ts';
import { DutiesQuery } from './schemas.ts';

const DATALIST_SIZE = 30;

/**
 * The kinds of body (数据主管部门, 县级以上人民政府 → 人民政府 …) with the most duties in this index, for the
 * actor datalist. Derived from the index rather than listed by hand, so another corpus gets its own.
 */
function commonActors(assistant: Assistant): string[] {
  const counts = new Map<string, number>();
  for (const duty of assistant.allDuties()) {
    if (duty.actor === '') continue;
    const core = actorCore(duty.actor);
    // Compound actors (市人民政府及财政、数据…等部门) make poor suggestions.
    if (/[、及和与]/.test(core)) continue;
    counts.set(core, (counts.get(core) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, DATALIST_SIZE).map(([actor]) => actor);
}

const MODALITY_CLASS: Record<Modality, string> = {
  应当: 'must',
  必须: 'must',
  负责: 'must',
  不得: 'must-not',
  可以: 'may',
  鼓励: 'encouraged',
  支持: 'encouraged',
};

function dutyRows(list: DutyList): Html[] {
  return list.groups.flatMap((g) =>
    g.duties.map(
      (d) => html`<tr>
  <td data-label="法规">${d.regulationTitle} ${draftBadge(g.status)}</td>
  <td data-label="条款"><a href="${regulationHref(d.regulationId, articleAnchor(d.label))}">${d.label}</a></td>
  <td data-label="主体">${d.actor}</td>
  <td data-label="层级">${d.level}</td>
  <td data-label="情态"><span class="modality ${MODALITY_CLASS[d.modality]}">${d.modality}</span></td>
  <td data-label="职责">${d.action}<details><summary>条文原文</summary><p>${d.text}</p></details></td>
</tr>`,
    ),
  );
}

function results(list: DutyList, regulationId: string | undefined, suggestions: string[]): Html {
  const rows = dutyRows(list);
  if (rows.length === 0) {
    return html`<p class="empty" role="status">没有找到“${list.actor}”的职责。可以试试：${suggestions.slice(0, 5).join('、')}。</p>`;
  }
  const csv = `/api/duties.csv?${new URLSearchParams({ actor: list.actor, ...(regulationId && { regulationId }) })}`;
  return html`<section class="results" aria-labelledby="results-title">
  <div class="results-head">
    <h2 id="results-title">“${list.actor}”的职责（${rows.length} 条）</h2>
    <a class="button" href="${csv}" download>导出 CSV</a>
  </div>
  <p class="meta">匹配的主体：${list.matchedActors.join('；')}</p>
  <div class="table-wrap">
    <table class="duties">
      <thead><tr><th scope="col">法规</th><th scope="col">条款</th><th scope="col">主体</th><th scope="col">层级</th><th scope="col">情态</th><th scope="col">职责</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </div>
</section>`;
}

export function dutiesPageRoutes(assistant: Assistant): Hono<AppEnv> {
  const actors = commonActors(assistant);
  const regulations = assistant.regulations();

  return new Hono<AppEnv>().get('/duties', (c) => {
    // An empty form field means "not given", as in the form's own "全部法规" option.
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v.trim() !== ''));
    const asked = query.actor === undefined ? null : parseOrThrow(DutiesQuery, query);
    const regulationId = optionalRegulation(assistant, asked?.regulationId);
    const body = html`
<h1>部门职责查询</h1>
<p class="lead">输入机构或主体，列出收录法规中它应当、必须、不得、可以做的事，以及法规鼓励、支持的事项。</p>
<form class="duties-form" method="get" action="/duties" role="search">
  <div class="field">
    <label for="actor">机构 / 主体</label>
    <input id="actor" name="actor" list="actors" value="${asked?.actor ?? ''}" required maxlength="100" autocomplete="off" placeholder="例如：数据主管部门">
    <datalist id="actors">${actors.map((a) => html`<option value="${a}"></option>`)}</datalist>
  </div>
  <div class="field">
    <label for="regulationId">法规</label>
    <select id="regulationId" name="regulationId">
      <option value="">全部法规</option>
      ${regulations.map((r) => html`<option value="${r.id}"${r.id === regulationId ? html` selected` : ''}>${r.title}</option>`)}
    </select>
  </div>
  <button type="submit">查询</button>
</form>
${asked && results(assistant.duties(asked.actor, regulationId), regulationId, actors)}`;
    return c.html(layout({ title: '部门职责查询', nav: 'duties', body }));
  });
}
