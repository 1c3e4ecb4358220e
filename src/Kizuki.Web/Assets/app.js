// The dashboard: a hash router over /api, rendered with plain DOM. Language switch re-renders from the same data.
(() => {
  const state = { lang: localStorage.getItem('kizuki.lang') || null, me: null };
  const $ = id => document.getElementById(id);
  const t = key => (window.KIZUKI_I18N[state.lang] || window.KIZUKI_I18N.ja)[key] ?? key;
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const locale = () => state.lang === 'en' ? 'en-US' : 'ja-JP';
  const zone = () => state.me?.timeZone || 'Asia/Tokyo';
  const yen = v => new Intl.NumberFormat('ja-JP', { style: 'currency', currency: state.me?.currency || 'JPY', maximumFractionDigits: 0 }).format(Number(v) || 0);
  const num = v => new Intl.NumberFormat('ja-JP').format(v);
  const pct = v => v == null || isNaN(v) ? '—' : new Intl.NumberFormat('ja-JP', { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const date = s => s ? new Intl.DateTimeFormat(state.lang === 'en' ? 'en-CA' : 'ja-JP', { timeZone: zone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(s)) : '—';
  const dateTime = s => s ? new Intl.DateTimeFormat(locale(), { timeZone: zone(), dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s)) : '—';
  const pick = (ja, en) => state.lang === 'en' ? (en || ja) : (ja || en);
  const bandLabel = b => `<span class="band-${esc(b)}">${esc(t(b))}</span>`;

  async function api(path, options) {
    const r = await fetch(path, options);
    if (r.status === 401) { location.href = '/login'; throw new Error('401'); }
    if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || ('HTTP ' + r.status)); }
    return r.status === 204 ? null : r.json();
  }

  function delta(now, before) {
    if (before == null) return '';
    const d = now - before; return `${d > 0 ? '+' : ''}${num(d)}`;
  }

  async function today(main) {
    const d = await api('/api/today');
    if (!d.asOf) { main.innerHTML = `<div class="card">${esc(t('noScores'))}</div>`; return; }
    const kpi = band => `<div class="card kpi"><div>${bandLabel(band)}</div><div class="n">${num(d.bands[band])}</div>
      <div class="d">${esc(t('sinceYesterday'))} ${esc(delta(d.bands[band], d.dayBefore?.[band]) || '—')} · ${esc(t('sinceLastWeek'))} ${esc(delta(d.bands[band], d.weekBefore?.[band]) || '—')}</div></div>`;
    main.innerHTML = `<p class="muted">${esc(t('asOf'))}: ${esc(date(d.asOf))}</p>
      <div class="grid">${kpi('high')}${kpi('medium')}${kpi('low')}
      <div class="card kpi"><div>${esc(t('revenueAtRisk'))}</div><div class="n">${esc(yen(d.revenueAtRisk))}</div></div></div>
      <div class="card"><h2>${esc(t('atRisk'))}</h2><table id="at-risk"><thead><tr><th>${esc(t('customer'))}</th><th class="num">${esc(t('revenueAtRisk'))}</th>
      <th class="num">${esc(t('probability'))}</th><th>${esc(t('topReason'))}</th><th>${esc(t('action'))}</th></tr></thead><tbody>
      ${d.atRisk.map(r => `<tr><td><a href="#/customer/${encodeURIComponent(r.id)}">${esc(r.name || r.id)}</a><br><span class="muted">${bandLabel(r.band)}</span></td>
        <td class="num">${esc(yen(r.revenueAtRisk))}</td><td class="num">${esc(pct(r.probability))}</td>
        <td>${esc(pick(r.topReasonJa, r.topReasonEn) || '—')}</td><td>${esc(pick(r.actionJa, r.actionEn) || '—')}</td></tr>`).join('')}</tbody></table></div>
      <div class="grid"><div class="card"><h3>${esc(t('alerts'))}</h3>${d.alerts.length ? '<ul>' + d.alerts.map(a => `<li>${esc(dateTime(a.raisedAt))} <a href="#/customer/${encodeURIComponent(a.customerId)}">${esc(a.customerName || a.customerId)}</a> ${esc(pick(a.messageJa, a.messageEn))}</li>`).join('') + '</ul>' : `<p class="muted">${esc(t('none'))}</p>`}</div>
      <div class="card"><h3>${esc(t('myTasks'))}</h3>${d.tasks.length ? '<ul>' + d.tasks.map(k => `<li><a href="#/customer/${encodeURIComponent(k.customerId)}">${esc(k.customerName || k.customerId)}</a> ${esc(pick(k.titleJa, k.titleEn))}</li>`).join('') + '</ul>' : `<p class="muted">${esc(t('none'))}</p>`}</div></div>`;
  }

  async function customer(main, id) {
    const d = await api('/api/customers/' + encodeURIComponent(id));
    const p = d.profile, r = d.reasons, kinds = t('kinds');
    const reasonList = list => list.length ? '<ul>' + list.map(x => `<li>${esc(pick(x.ja, x.en))}${x.probabilityPoints != null ? ` <span class="muted">(${x.probabilityPoints > 0 ? '+' : ''}${x.probabilityPoints.toFixed(1)} pt)</span>` : ''}</li>`).join('') + '</ul>' : `<p class="muted">${esc(t('none'))}</p>`;
    main.innerHTML = `<div class="card"><h1 id="customer-name">${esc(p.name || p.id)}</h1><p class="muted">${esc(p.id)} · ${esc(t('signup'))} ${esc(date(p.signupAt))} ·
      ${esc(t('industry'))} ${esc(p.segment.industry || '—')} · ${esc(t('plan'))} ${esc(p.segment.plan || '—')} · ${esc(t('region'))} ${esc(p.segment.region || '—')}</p>
      ${d.latest ? `<p>${bandLabel(d.latest.band)} · ${esc(t('probability'))} <strong>${esc(pct(d.latest.probability))}</strong> · ${esc(t('revenueAtRisk'))} <strong>${esc(yen(d.latest.revenueAtRisk))}</strong></p>` : ''}</div>
      <div class="card"><h2>${esc(t('history'))}</h2><div id="history-chart"></div></div>
      <div class="card"><h2>${esc(t('reasons'))}</h2>${r ? `<h3>${esc(t('raising'))}</h3>${reasonList(r.raising)}<h3>${esc(t('lowering'))}</h3>${reasonList(r.lowering)}${r.action ? `<p><strong>${esc(t('action'))}:</strong> ${esc(pick(r.action.ja, r.action.en))}</p>` : ''}` : `<p class="muted">${esc(t('noReasons'))}</p>`}</div>
      <div class="card"><h2>${esc(t('timeline'))}</h2><table><tbody>${d.timeline.map(e => `<tr><td>${esc(dateTime(e.at))}</td><td>${esc(kinds[e.kind] || e.kind)}</td>
        <td>${esc(e.summary)}${e.count > 1 ? ' × ' + esc(num(e.count)) : ''}${e.status ? ` <span class="muted">${esc(e.status)}</span>` : ''}</td><td class="num">${e.currency ? esc(yen(e.amount)) : ''}</td></tr>`).join('')}</tbody></table></div>`;
    $('history-chart').appendChild(KizukiCharts.line(d.history.map(h => ({ x: date(h.asOf), y: h.probability })), { max: 1, format: pct }));
    const tasks = await api('/api/customers/' + encodeURIComponent(id) + '/tasks');
    main.insertAdjacentHTML('beforeend', taskCard(tasks));
    wireTasks(main, () => customer(main, id));
  }

  async function segments(main) {
    const attributes = await api('/api/segments/attributes');
    const q = new URLSearchParams(location.hash.split('?')[1] || '');
    const rows = q.get('rows') || 'industry', columns = q.get('columns') || 'plan';
    const [h, trend] = await Promise.all([api(`/api/segments?rows=${encodeURIComponent(rows)}&columns=${encodeURIComponent(columns)}`), api('/api/segments/trend')]);
    const select = (id, v) => `<select id="${id}">${attributes.map(a => `<option ${a === v ? 'selected' : ''}>${esc(a)}</option>`).join('')}</select>`;
    const max = Math.max(0, ...h.cells.map(c => c.churnRate));
    const cell = (r, c) => h.cells.find(x => x.row === r && x.column === c);
    main.innerHTML = `<div class="card"><h2>${esc(t('heatMap'))}</h2><p>${esc(t('rowsBy'))} ${select('rows', rows)} ${esc(t('columnsBy'))} ${select('columns', columns)}
      <span class="muted">${esc(t('rate'))} ${esc(pct(h.churnRate))} (${esc(num(h.churned))} / ${esc(num(h.customers))})</span></p>
      <table class="heat"><thead><tr><th></th>${h.columns.map(c => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>
      ${h.rows.map(r => `<tr><th>${esc(r)}</th>${h.columns.map(c => { const x = cell(r, c); return x ? `<td style="background:${KizukiCharts.heat(x.churnRate, max)}" title="${esc(num(x.churned))} / ${esc(num(x.customers))}">${esc(pct(x.churnRate))}</td>` : '<td class="muted">—</td>'; }).join('')}</tr>`).join('')}</tbody></table></div>
      <div class="card"><h2>${esc(t('trend'))}</h2><div id="trend-chart"></div></div>`;
    const go = () => { location.hash = `#/segments?rows=${encodeURIComponent($('rows').value)}&columns=${encodeURIComponent($('columns').value)}`; };
    $('rows').onchange = go; $('columns').onchange = go;
    $('trend-chart').appendChild(KizukiCharts.line(trend.filter(m => m.churnRate != null).map(m => ({ x: m.month, y: m.churnRate })), { format: pct }));
  }

  async function model(main) {
    const list = await api('/api/models');
    if (!list.items.length) { main.innerHTML = `<div class="card">${esc(t('noModels'))}</div>`; return; }
    const version = list.active ?? list.items[list.items.length - 1].version;
    const [m, drivers] = await Promise.all([api('/api/models/' + version), api('/api/models/drivers')]);
    const canManage = state.me.role === 'admin' || state.me.role === 'manager';
    main.innerHTML = `<div class="card"><h2>${esc(t('model'))} v${esc(version)} ${list.active === version ? `<span class="muted">(${esc(t('active'))})</span>` : ''}</h2>
      <table><thead><tr><th></th><th class="num">${esc(t('auc'))}</th><th class="num">${esc(t('ap'))}</th></tr></thead><tbody>
      <tr><th>${esc(t('model'))}</th><td class="num">${m.test.rocAuc.estimate.toFixed(3)}</td><td class="num">${m.test.averagePrecision.toFixed(3)}</td></tr>
      ${m.baselines.map(b => `<tr><td>${esc(t('baseline'))}: ${esc(pick(b.labelJa, b.labelEn))}</td><td class="num">${b.report.rocAuc.estimate.toFixed(3)}</td><td class="num">${b.report.averagePrecision.toFixed(3)}</td></tr>`).join('')}</tbody></table></div>
      <div class="grid"><div class="card"><h3>${esc(t('calibration'))}</h3><div id="cal"></div></div><div class="card"><h3>${esc(t('lift'))}</h3><div id="lift"></div></div></div>
      <div class="card"><h3>${esc(t('drivers'))}</h3><div id="drivers">${drivers.length ? '' : `<p class="muted">${esc(t('none'))}</p>`}</div></div>
      <div class="card"><table><thead><tr><th>${esc(t('version'))}</th><th class="num">${esc(t('auc'))}</th><th></th></tr></thead><tbody>
      ${list.items.map(i => `<tr><td>v${i.version} ${esc(date(i.createdAt))}</td><td class="num">${i.rocAuc.toFixed(3)}</td><td>${list.active === i.version ? esc(t('active')) : canManage ? `<button data-activate="${i.version}">${esc(t('activate'))}</button>` : ''}</td></tr>`).join('')}</tbody></table></div>`;
    $('cal').appendChild(KizukiCharts.calibration(m.test.calibration.map(b => ({ predicted: b.meanPredicted, observed: b.observedRate }))));
    $('lift').appendChild(KizukiCharts.bars(m.test.lift.map(l => ({ label: pct(l.fraction), value: l.lift })), { format: v => v.toFixed(2) + '×' }));
    if (drivers.length) $('drivers').appendChild(KizukiCharts.bars(drivers.map(d => ({ label: d.group, value: d.customers })), { format: num }));
    main.querySelectorAll('[data-activate]').forEach(b => b.onclick = async () => { await api(`/api/models/${b.dataset.activate}/activate`, { method: 'POST' }); route(); });
  }

  async function rules(main) {
    const list = await api('/api/rules');
    const canEdit = list.canChange && (state.me.role === 'admin' || state.me.role === 'manager');
    const row = r => `<tr data-rule="${esc(r.id)}"><td>${esc(r.name)}${r.enabled ? '' : ` <span class="error">${esc(t('unreadable'))}</span>`}</td>
      <td><code class="rule-text">${esc(r.text)}</code></td><td class="num dry-run">${esc(t('dryRun'))} ${r.dryRunCount == null ? '—' : esc(num(r.dryRunCount))}</td>
      <td>${canEdit ? `<button data-edit="${esc(r.id)}">${esc(t('edit'))}</button>` : ''}</td></tr>`;
    main.innerHTML = `<div class="card"><h2>${esc(t('rules'))}</h2>${list.items.length ? `<table id="rules"><tbody>${list.items.map(row).join('')}</tbody></table>` : `<p class="muted">${esc(t('noRules'))}</p>`}
      ${canEdit ? `<p><button id="rule-new">${esc(t('newRule'))}</button></p>` : ''}</div><div id="rule-editor"></div>`;
    const edit = (id, text) => {
      $('rule-editor').innerHTML = `<div class="card"><h3>${esc(id || t('newRule'))}</h3><textarea id="rule-text" rows="4">${esc(text)}</textarea>
        <p><button id="rule-save">${esc(t('save'))}</button> <span class="muted">${esc(t('ruleHelp'))}</span></p><ul id="rule-problems" class="error"></ul></div>`;
      $('rule-save').onclick = async () => {
        const r = await fetch('/api/rules/' + encodeURIComponent(id || '__new__'), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: $('rule-text').value }) });
        if (r.ok) { await rules(main); return; }
        const p = await r.json().catch(() => ({}));
        const problems = p.errors?.text || [p.detail || ('HTTP ' + r.status)];
        $('rule-problems').innerHTML = problems.map(x => `<li>${esc(x.includes(' / ') ? pick(x.split(' / ')[0], x.split(' / ').slice(1).join(' / ')) : x)}</li>`).join('');
      };
    };
    main.querySelectorAll('[data-edit]').forEach(b => b.onclick = () => edit(b.dataset.edit, list.items.find(r => r.id === b.dataset.edit).text));
    if ($('rule-new')) $('rule-new').onclick = () => edit('', 'rule "" when  then severity medium');
  }

  function taskCard(tasks) {
    const statuses = ['open', 'contacted', 'saved', 'lost'];
    return `<div class="card"><h2>${esc(t('tasks'))}</h2>${tasks.length ? `<table id="tasks"><tbody>${tasks.map(k => `<tr data-task="${esc(k.id)}">
      <td>${esc(pick(k.titleJa, k.titleEn))}<br><span class="muted">${esc(t('owner'))}: ${esc(k.assignee || '—')} · ${esc(dateTime(k.updatedAt))}</span>
      ${k.notes ? `<pre class="notes">${esc(k.notes)}</pre>` : ''}</td>
      <td><select class="task-status">${statuses.map(s => `<option value="${s}" ${s === k.status ? 'selected' : ''}>${esc(t('status_' + s))}</option>`).join('')}</select></td>
      <td><input class="task-note" placeholder="${esc(t('note'))}"> <button class="task-save">${esc(t('save'))}</button></td></tr>`).join('')}</tbody></table>` : `<p class="muted">${esc(t('none'))}</p>`}</div>`;
  }

  function wireTasks(main, reload) {
    main.querySelectorAll('[data-task]').forEach(row => row.querySelector('.task-save').onclick = async () => {
      const body = { status: row.querySelector('.task-status').value, note: row.querySelector('.task-note').value || null };
      try { await api('/api/tasks/' + encodeURIComponent(row.dataset.task), { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }); await reload(); }
      catch (e) { row.insertAdjacentHTML('beforeend', `<td class="error">${esc(e.message)}</td>`); }
    });
  }

  async function route() {
    const main = $('main'), hash = location.hash || '#/today', path = hash.slice(2).split('?')[0];
    document.querySelectorAll('[data-t]').forEach(e => e.textContent = t(e.dataset.t));
    $('lang').textContent = t('switchTo');
    document.documentElement.lang = state.lang;
    document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('active', hash.startsWith(a.getAttribute('href'))));
    try {
      if (path.startsWith('customer/')) await customer(main, decodeURIComponent(path.slice(9)));
      else if (path === 'segments') await segments(main);
      else if (path === 'model') await model(main);
      else if (path === 'rules') await rules(main);
      else await today(main);
    } catch (e) { main.innerHTML = `<div class="card error">${esc(e.message)}</div>`; }
  }

  async function start() {
    state.me = await api('/api/me');
    state.lang = state.lang || state.me.language || 'ja';
    $('who').textContent = `${state.me.name} (${state.me.role})`;
    $('lang').onclick = () => { state.lang = state.lang === 'ja' ? 'en' : 'ja'; localStorage.setItem('kizuki.lang', state.lang); route(); };
    $('signout').onclick = async () => { await fetch('/auth/sign-out', { method: 'POST' }); location.href = '/login'; };
    window.addEventListener('hashchange', route);
    await route();
  }
  start();
})();
