// The timeline page: reads the JSON beside it and builds everything with textContent (data is
// never markup). No library, no network: the page must work offline and be safe to publish.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("timeline-data").textContent);
  var EVENTS = DATA.events, TYPES = DATA.types, ACTORS = DATA.actors;
  // The page's words come with its data, in the language it was exported in (never markup:
  // every field is filled in as text and shown with textContent).
  var LANG = DATA.lang, WORDS = DATA.words, PLURALS = DATA.plurals, RULES = new Intl.PluralRules(LANG);
  var DAY = 86400000, MONTHS = DATA.months;
  var LANE_ROW = 20, LANE_PAD = 6, AXIS = 34, MAX_ROWS = 6, HEADER = 170, DOT = 5.5;
  var MAX_LABEL = 300, MIN_LABEL = 48, FONT = "12px system-ui, 'DejaVu Sans', sans-serif";
  var chosenActors = new Set(), chosenTypes = new Set(), grouping = "actor", selected = null;
  var view = null, items = [], placed = [], widths = [];

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fill(text, fields) { return text.replace(/\{(\w+)\}/g, function (whole, name) { return name in fields ? String(fields[name]) : whole; }); }
  function W(key, fields) { return fill(WORDS[key], fields || {}); }
  function num(n) { return n.toLocaleString(LANG); }
  // "1 Mar 2022" / "1er mars 2022": the first of a month as the language writes it.
  function dayMonthYear(d) { var day = d.getUTCDate(); return (day === 1 ? W("firstDay") : day) + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
  function plural(n, key) { var forms = PLURALS[key]; return fill(forms[RULES.select(n)] || forms.other, { n: num(n) }); }
  function typeOf(e) { return TYPES[e.y]; }
  function rootColour(e) { var slug = typeOf(e).slug.split("/")[0]; var t = TYPES.find(function (x) { return x.slug === slug; }); return (t || typeOf(e)).colour; }

  // --- filters -------------------------------------------------------------------------
  function typeMatches(e) {
    if (!chosenTypes.size) return true;
    var slug = typeOf(e).slug;
    for (var t of chosenTypes) { if (slug === t || slug.startsWith(t + "/")) return true; }
    return false;
  }
  function actorMatches(e) {
    if (!chosenActors.size) return true;
    return e.a.some(function (a) { return chosenActors.has(a); });
  }
  function shown(e) { return actorMatches(e) && typeMatches(e); }

  function buildFilters(aside) {
    var actorBox = el("fieldset"), typeBox = el("fieldset");
    actorBox.appendChild(el("legend", "", W("actors")));
    typeBox.appendChild(el("legend", "", W("types")));
    var actorOrder = ACTORS.map(function (_, i) { return i; }).sort(function (a, b) { return ACTORS[a].localeCompare(ACTORS[b]); });
    var actorCounts = actorOrder.map(function (i) { return choice(actorBox, ACTORS[i], "actor-" + i, false, function (on) { toggle(chosenActors, i, on); }); });
    var typeOrder = TYPES.map(function (_, i) { return i; }).sort(function (a, b) { return TYPES[a].slug.localeCompare(TYPES[b].slug); });
    var typeCounts = typeOrder.map(function (i) { return choice(typeBox, TYPES[i].label, "type-" + i, TYPES[i].slug.indexOf("/") > 0, function (on) { toggle(chosenTypes, TYPES[i].slug, on); }); });
    aside.appendChild(actorBox);
    aside.appendChild(typeBox);
    return function updateCounts() {
      var perActor = new Array(ACTORS.length).fill(0), perType = new Array(TYPES.length).fill(0);
      EVENTS.forEach(function (e) {
        if (typeMatches(e)) e.a.forEach(function (a) { perActor[a]++; });
        if (actorMatches(e)) {
          var slug = typeOf(e).slug;
          TYPES.forEach(function (t, i) { if (slug === t.slug || slug.startsWith(t.slug + "/")) perType[i]++; });
        }
      });
      actorOrder.forEach(function (i, k) { setCount(actorCounts[k], perActor[i]); });
      typeOrder.forEach(function (i, k) { setCount(typeCounts[k], perType[i]); });
    };
  }
  function choice(box, label, id, child, onChange) {
    var row = el("label", "choice" + (child ? " child" : ""));
    var input = el("input");
    input.type = "checkbox";
    input.id = id;
    input.addEventListener("change", function () { onChange(input.checked); });
    row.appendChild(input);
    var name = el("span", "name", label), count = el("span", "count", "");
    name.id = id + "-name";
    count.id = id + "-count";
    // Named by its name alone; its count is read as its description ("3 events").
    input.setAttribute("aria-labelledby", name.id);
    input.setAttribute("aria-describedby", count.id);
    row.appendChild(name);
    row.appendChild(count);
    box.appendChild(row);
    return count;
  }
  function setCount(node, n) { node.textContent = num(n); node.parentNode.classList.toggle("none", n === 0); }
  function toggle(set, value, on) { if (on) set.add(value); else set.delete(value); refresh(); }

  // --- the list ------------------------------------------------------------------------
  function markSwatch(m, x, u, unsourced, colour) {
    var swatch = el("span", "mark " + (x ? "approx" : m) + (u ? " uncertain" : "") + (unsourced ? " unsourced" : ""));
    swatch.style.setProperty("--c", colour);
    swatch.setAttribute("aria-hidden", "true");
    return swatch;
  }
  function glyphOf(x, u) { return (x ? "~" : "") + (u ? "?" : ""); }
  function link(parent, url, href) {
    if (!url) return;
    parent.appendChild(document.createTextNode(", "));
    parent.appendChild(anchor(url, href));
  }
  // An address as a link when the exporter found it a safe http(s) one, else as text.
  function anchor(url, href) {
    if (href === undefined) href = url;  // the exporter leaves out a target equal to the text
    if (!href) return el("span", "", W("notLinked", { url: url }));
    var a = el("a", "", url);
    a.href = href;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }
  function cite(parent, parts) {
    parent.appendChild(document.createTextNode(parts.filter(Boolean).join(", ")));
  }
  function eventItem(e, index) {
    var li = el("li");
    li.tabIndex = -1;
    li.dataset.index = index;
    var head = el("div", "head");
    head.appendChild(markSwatch(e.m, e.x, e.u, !e.v, rootColour(e)));
    var glyph = glyphOf(e.x, e.u);
    head.appendChild(el("span", "date", e.d + (glyph ? "  " + glyph : "")));
    if (!e.v) head.appendChild(el("span", "badge", W("unsourced")));
    li.appendChild(head);
    li.appendChild(el("h3", "title", e.t));
    var who = e.a.map(function (a) { return ACTORS[a]; }).join(", ");
    li.appendChild(el("p", "who", typeOf(e).label + (who ? " · " + who : "")));
    if (e.s) li.appendChild(el("p", "summary", e.s));
    e.q.forEach(function (q) {
      var block = el("blockquote", q[2] ? "unverified" : "");
      block.appendChild(el("span", "", W("quoted", { text: q[0] })));
      var source = DATA.sources[q[1]];
      var line = el("cite", "cite");
      cite(line, ["— " + (source.outlet || W("source")), source.title, source.published]);
      link(line, source.url, source.href);
      block.appendChild(line);
      if (q[2]) block.appendChild(el("p", "warn", W("notVerified", { problem: q[2] })));
      li.appendChild(block);
    });
    if (!e.v) li.appendChild(el("p", "warn", DATA.unsourced + "."));
    if (e.i) {  // the import's words: plain text, never a quote
      var claim = el("div", "claim");
      claim.appendChild(el("p", "claimed", e.i[0]));
      claim.appendChild(el("p", "claimtext", e.i[1]));
      li.appendChild(claim);
    }
    (e.l || []).forEach(function (l) {
      var line = el("p", "medialink");
      line.appendChild(el("span", "", W("linkWords", { words: l.w })));
      line.appendChild(anchor(l.url, l.href));
      if (l.k) line.appendChild(el("span", "", " — " + l.k));
      li.appendChild(line);
    });
    var c = DATA.citations[e.c];
    var date = el("p", "datecite");
    cite(date, [W(c.article ? "dateFromArticle" : "dateFrom", { edtf: e.e, outlet: c.outlet }), c.title, c.published]);
    link(date, c.url, c.href);
    if (c.sentence) date.appendChild(document.createTextNode(": " + W("quoted", { text: c.sentence })));
    if (c.note) date.appendChild(document.createTextNode(" (" + c.note + ")"));
    li.appendChild(date);
    e.p.forEach(function (problem) { li.appendChild(el("p", "warn", W("problem", { problem: problem }))); });
    li.addEventListener("click", function () { select(index, false); });
    return li;
  }
  // The first items at once, the rest in slices, so a 10,000-event page paints at once.
  function buildList(list, done) {
    var next = 0;
    function slice(size) {
      var fragment = document.createDocumentFragment();
      for (var end = Math.min(EVENTS.length, next + size); next < end; next++) {
        var li = eventItem(EVENTS[next], next);
        li.hidden = !shown(EVENTS[next]);
        items.push(li);
        fragment.appendChild(li);
      }
      list.appendChild(fragment);
      if (next < EVENTS.length) setTimeout(function () { slice(1000); }, 0);
      else done();
    }
    slice(200);
  }

  // --- the timeline --------------------------------------------------------------------
  var canvas, ctx, box, spacer, hatch = {};
  function fullExtent() {
    var lo = Infinity, hi = -Infinity;
    EVENTS.forEach(function (e) { if (shown(e)) { lo = Math.min(lo, e.b); hi = Math.max(hi, e.f + 1); } });
    if (lo === Infinity) return [0, 1];
    var pad = Math.max(2, (hi - lo) * 0.03);
    return [lo - pad, hi + pad];
  }
  function lanesOf() {
    var lanes = new Map();
    EVENTS.forEach(function (e, i) {
      if (!shown(e)) return;
      var keys = grouping === "actor" ? (e.g.length ? e.g.map(function (a) { return "a" + a; }) : ["none"])
        : grouping === "type" ? ["t" + typeOf(e).slug.split("/")[0]] : ["all"];
      keys.forEach(function (k) { if (!lanes.has(k)) lanes.set(k, []); lanes.get(k).push(i); });
    });
    var result = Array.from(lanes.entries()).map(function (pair) {
      var k = pair[0], label;
      if (k === "none") label = W("noActor");
      else if (k === "all") label = W("allEvents");
      else if (k[0] === "a") label = ACTORS[+k.slice(1)];
      else { var slug = k.slice(1); var t = TYPES.find(function (x) { return x.slug === slug; }); label = t ? t.label : slug; }
      return { key: k, label: label, events: pair[1] };
    });
    result.sort(function (a, b) { return (a.key === "none") - (b.key === "none") || a.label.localeCompare(b.label); });
    return result;
  }
  function xOf(day, width) { return HEADER + (day - view[0]) / (view[1] - view[0]) * (width - HEADER); }
  function dayAt(x, width) { return view[0] + (x - HEADER) / (width - HEADER) * (view[1] - view[0]); }

  // The canvas is as tall as the box shows; the lanes below scroll under it (a spacer gives
  // the box its full height), so a thousand lanes cost no more to paint than ten.
  function draw() {
    var width = canvas.clientWidth, lanes = lanesOf(), ratio = window.devicePixelRatio || 1;
    placed = [];
    ctx.font = FONT;
    var layouts = lanes.map(function (lane) { return layout(lane, width); });
    var total = AXIS + layouts.reduce(function (h, l) { return h + l.rows * LANE_ROW + 2 * LANE_PAD; }, 0) + 4;
    total = Math.max(total, AXIS + 60);
    var height = Math.min(total, Math.max(320, Math.round(window.innerHeight * 0.62)));
    spacer.style.height = (total - height) + "px";
    box.style.height = height + "px";
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = height + "px";
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = FONT;
    ctx.textBaseline = "middle";
    var top = AXIS - box.scrollTop;
    drawGrid(axisTicks(width - HEADER), width, height);
    lanes.forEach(function (lane, k) {
      var l = layouts[k], laneHeight = l.rows * LANE_ROW + 2 * LANE_PAD;
      if (top + laneHeight >= AXIS && top <= height) drawLane(lane, l, k, top, laneHeight, width, height);
      top += laneHeight;
    });
    drawAxis(axisTicks(width - HEADER), width);
    var marks = lanes.reduce(function (n, l) { return n + l.events.length; }, 0);
    canvas.setAttribute("aria-label", W("chartLabel", { marks: plural(marks, "marks"), lanes: plural(lanes.length, "lanes"), start: dayText(view[0]), end: dayText(view[1]) }));
  }
  function drawLane(lane, l, k, top, laneHeight, width, height) {
    ctx.save();
    ctx.beginPath(); ctx.rect(0, AXIS, width, height - AXIS); ctx.clip();
    ctx.fillStyle = k % 2 ? "#ffffff" : "#f8f9fb";
    ctx.fillRect(0, top, width, laneHeight);
    ctx.strokeStyle = "#dde2e7";
    ctx.beginPath(); ctx.moveTo(0, top + laneHeight + 0.5); ctx.lineTo(width, top + laneHeight + 0.5); ctx.stroke();
    ctx.fillStyle = "#1f2328";
    ctx.fillText(fitText(lane.label + " (" + num(lane.events.length) + ")", HEADER - 12), 6, top + LANE_PAD + LANE_ROW / 2);
    ctx.beginPath(); ctx.rect(HEADER, Math.max(top, AXIS), width - HEADER, laneHeight); ctx.clip();
    l.marks.forEach(function (p) {
      var cy = top + LANE_PAD + p.row * LANE_ROW + LANE_ROW / 2, e = EVENTS[p.index];
      if (cy < AXIS - 10 || cy > height + 10) return;
      paintMark(e, p.x0, p.x1, cy, rootColour(e));
      if (p.label) { ctx.fillStyle = "#1f2328"; ctx.fillText(fitText(p.label, p.labelMax), p.labelAt, cy); }
      if (p.index === selected) { ctx.strokeStyle = "#1f2328"; ctx.lineWidth = 2; ctx.setLineDash([]); ctx.strokeRect(p.x0 - 3, cy - 8, p.x1 - p.x0 + 6, 16); }
      placed.push({ index: p.index, x0: p.x0 - 2, x1: p.x1 + p.glyphW + 2, y0: cy - 8, y1: cy + 8 });
    });
    ctx.restore();
  }
  // The longest start of ``text`` (with "…") that fits in ``width`` pixels: a binary search.
  function fitText(text, width) {
    if (ctx.measureText(text).width <= width) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (ctx.measureText(text.slice(0, mid) + "…").width <= width) lo = mid; else hi = mid - 1; }
    return text.slice(0, lo) + "…";
  }
  function titleWidth(i) {
    if (widths[i] === undefined) widths[i] = ctx.measureText(EVENTS[i].t).width;
    return widths[i];
  }
  // Marks in rows: a mark takes the first row free of marks and labels; else a new row; else
  // the first row free of marks, cutting the label it would cover (labels yield to marks);
  // else, in a very dense lane, the row where it overlaps least, unlabelled.
  function layout(lane, width) {
    var rows = [], marks = [];
    lane.events.forEach(function (i) {
      var e = EVENTS[i], x0, x1;
      if (e.f + 1 < view[0] || e.b > view[1]) return;
      if (e.m === "dot" && !e.x) { var c = xOf((e.b + e.f + 1) / 2, width); x0 = c - DOT; x1 = c + DOT; }
      else {
        x0 = xOf(e.b, width); x1 = xOf(e.f + 1, width);
        if (x1 - x0 < 9) { var m = (x0 + x1) / 2; x0 = m - 4.5; x1 = m + 4.5; }
      }
      var glyphW = (glyphOf(e.x, e.u) + (e.v ? "" : "!")).length * 8, markEnd = x1 + glyphW;
      var p = { index: i, x0: x0, x1: x1, glyphW: glyphW, label: e.t, labelAt: markEnd + 4 };
      p.labelMax = Math.min(MAX_LABEL, width - p.labelAt - 2);
      var labelEnd = p.labelAt + Math.min(titleWidth(i), p.labelMax) + 8;
      var row = rows.findIndex(function (r) { return r.end < x0 - 3; });
      if (row < 0 && rows.length < MAX_ROWS) { row = rows.length; rows.push({ end: -Infinity, markEnd: -Infinity, last: null }); }
      if (row < 0) {
        row = rows.findIndex(function (r) { return r.markEnd < x0 - 3; });
        if (row >= 0 && rows[row].last) rows[row].last.labelMax = x0 - 6 - rows[row].last.labelAt;
      }
      if (row < 0) { p.label = ""; row = 0; rows.forEach(function (r, k) { if (r.markEnd < rows[row].markEnd) row = k; }); }
      if (p.labelMax < MIN_LABEL) p.label = "";
      var r = rows[row];
      r.markEnd = Math.max(r.markEnd, markEnd);
      r.end = Math.max(r.end, p.label ? labelEnd : markEnd);
      r.last = p.label ? p : null;
      p.row = row;
      marks.push(p);
    });
    marks.forEach(function (p) { if (p.labelMax < MIN_LABEL) p.label = ""; });
    return { rows: Math.max(1, rows.length), marks: marks };
  }
  function hatchFor(colour) {
    if (!hatch[colour]) {
      var tile = document.createElement("canvas");
      tile.width = tile.height = 6;
      var t = tile.getContext("2d");
      t.strokeStyle = colour; t.lineWidth = 1.2;
      t.beginPath(); t.moveTo(0, 6); t.lineTo(6, 0); t.moveTo(-1, 1); t.lineTo(1, -1); t.moveTo(5, 7); t.lineTo(7, 5); t.stroke();
      hatch[colour] = ctx.createPattern(tile, "repeat");
    }
    return hatch[colour];
  }
  function withAlpha(colour, alpha) {
    var n = parseInt(colour.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + alpha + ")";
  }
  // The app's mark language (render/marks.py): dot, bracketed range, hatched period, fading
  // approximate bar, dashed uncertain outline; unsourced marks are hollow and followed by "!".
  function paintMark(e, x0, x1, cy, colour) {
    var h = 10, top = cy - h / 2, w = Math.max(1, x1 - x0);
    ctx.save();
    ctx.setLineDash(e.u ? [2, 1.6] : []);
    if (e.m === "dot" && !e.x) {
      ctx.beginPath(); ctx.arc((x0 + x1) / 2, cy, DOT, 0, 2 * Math.PI);
      if (!e.v) { ctx.fillStyle = "#fff"; ctx.fill(); ctx.strokeStyle = colour; ctx.lineWidth = 1.6; ctx.stroke(); }
      else if (e.u) { ctx.fillStyle = withAlpha(colour, 0.2); ctx.fill(); ctx.strokeStyle = colour; ctx.lineWidth = 1.6; ctx.stroke(); }
      else { ctx.fillStyle = colour; ctx.fill(); ctx.strokeStyle = "#fff"; ctx.lineWidth = 1.2; ctx.stroke(); }
    } else if (e.x) {
      var g = ctx.createLinearGradient(x0, 0, x1, 0), ramp = Math.min(0.45, Math.max(0.15, 24 / w));
      g.addColorStop(0, withAlpha(colour, 0)); g.addColorStop(ramp, withAlpha(colour, e.u || !e.v ? 0.35 : 0.9));
      g.addColorStop(1 - ramp, withAlpha(colour, e.u || !e.v ? 0.35 : 0.9)); g.addColorStop(1, withAlpha(colour, 0));
      ctx.fillStyle = g; ctx.fillRect(x0, top, w, h);
      ctx.strokeStyle = colour; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo((x0 + x1) / 2, top - 2); ctx.lineTo((x0 + x1) / 2, top + h + 2); ctx.stroke();
    } else if (e.m === "period") {
      if (e.v) {  // unsourced: hollow, an empty box as in the app
        ctx.fillStyle = withAlpha(colour, 0.18); ctx.fillRect(x0, top, w, h);
        ctx.fillStyle = hatchFor(colour); ctx.fillRect(x0, top, w, h);
      }
      ctx.strokeStyle = colour; ctx.lineWidth = 1; ctx.strokeRect(x0 + 0.5, top + 0.5, w - 1, h - 1);
    } else {
      ctx.fillStyle = withAlpha(colour, e.v ? 0.16 : 0.05); ctx.fillRect(x0, top + 2, w, h - 4);
      ctx.strokeStyle = colour; ctx.lineWidth = 1.6;
      var s = Math.min(3, Math.max(1, w / 4));
      ctx.beginPath();
      ctx.moveTo(x0 + 1, cy); ctx.lineTo(x1 - 1, cy);
      ctx.moveTo(x0 + 1 + s, top - 1); ctx.lineTo(x0 + 1, top - 1); ctx.lineTo(x0 + 1, top + h + 1); ctx.lineTo(x0 + 1 + s, top + h + 1);
      ctx.moveTo(x1 - 1 - s, top - 1); ctx.lineTo(x1 - 1, top - 1); ctx.lineTo(x1 - 1, top + h + 1); ctx.lineTo(x1 - 1 - s, top + h + 1);
      ctx.stroke();
    }
    var sign = glyphOf(e.x, e.u) + (e.v ? "" : "!");
    if (sign) { ctx.setLineDash([]); ctx.fillStyle = e.v ? colour : "#9a3412"; ctx.font = "bold 12px system-ui, 'DejaVu Sans', sans-serif"; ctx.fillText(sign, x1 + 2, cy); }
    ctx.restore();
  }
  function dayText(day) {
    var d = new Date(Math.floor(day) * DAY);
    return dayMonthYear(d);
  }
  function axisTicks(pixels) {
    var perDay = pixels / (view[1] - view[0]), ticks = [];
    var steps = [[1, "d"], [2, "d"], [7, "d"], [1, "m"], [3, "m"], [6, "m"], [1, "y"], [2, "y"], [5, "y"], [10, "y"], [20, "y"], [50, "y"], [100, "y"], [250, "y"], [500, "y"], [1000, "y"]];
    var step = steps.find(function (s) { return s[0] * { d: 1, m: 30.4, y: 365.25 }[s[1]] * perDay >= 90; }) || steps[steps.length - 1];
    var start = new Date(Math.floor(view[0]) * DAY), n = step[0], unit = step[1];
    var y = start.getUTCFullYear(), m = start.getUTCMonth(), d;
    if (unit === "y") { y = Math.floor(y / n) * n; m = 0; } else if (unit === "m") { m = Math.floor(m / n) * n; }
    for (var guard = 0; guard < 400; guard++) {
      if (unit === "d") { d = Math.floor(view[0]) + guard * n; var dd = new Date(d * DAY); ticks.push([d, dayMonthYear(dd)]); }
      else {
        var date = new Date(0); date.setUTCFullYear(y, unit === "m" ? m + guard * n : 0, 1);
        if (unit === "y") date.setUTCFullYear(y + guard * n, 0, 1);
        d = Math.round(date.getTime() / DAY);
        ticks.push([d, unit === "m" ? MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear() : String(date.getUTCFullYear())]);
      }
      if (d > view[1]) break;
    }
    return ticks;
  }
  function drawGrid(ticks, width, height) {
    ctx.strokeStyle = "#eef1f4";
    ticks.forEach(function (t) {
      var x = xOf(t[0], width);
      if (x >= HEADER && x <= width) { ctx.beginPath(); ctx.moveTo(x + 0.5, AXIS); ctx.lineTo(x + 0.5, height); ctx.stroke(); }
    });
  }
  function drawAxis(ticks, width) {
    ctx.fillStyle = "#f6f8fa"; ctx.fillRect(0, 0, width, AXIS);
    ctx.strokeStyle = "#d0d7de"; ctx.beginPath(); ctx.moveTo(0, AXIS - 0.5); ctx.lineTo(width, AXIS - 0.5); ctx.stroke();
    ticks.forEach(function (t) {
      var x = xOf(t[0], width);
      if (x < HEADER || x > width) return;
      ctx.beginPath(); ctx.moveTo(x + 0.5, AXIS - 8); ctx.lineTo(x + 0.5, AXIS); ctx.stroke();
      ctx.fillStyle = "#656d76"; ctx.fillText(t[1], x + 3, AXIS / 2);
    });
    ctx.fillStyle = "#1f2328"; ctx.fillText(grouping === "actor" ? W("actingActor") : grouping === "type" ? W("eventType") : "", 6, AXIS / 2);
  }
  function zoom(factor, anchorDay) {
    var span = view[1] - view[0], full = fullExtent(), fullSpan = full[1] - full[0];
    var next = Math.min(Math.max(span * factor, 3), Math.max(fullSpan * 4, 30));
    var at = anchorDay === undefined ? (view[0] + view[1]) / 2 : anchorDay, share = (at - view[0]) / span;
    view = [at - share * next, at - share * next + next];
    draw();
  }
  function pan(share) { var span = view[1] - view[0]; view = [view[0] + span * share, view[1] + span * share]; draw(); }
  function fit() { view = fullExtent(); draw(); }

  function select(index, scroll) {
    selected = index;
    items.forEach(function (li) { li.classList.remove("selected"); });
    var li = items[index];
    if (li) { li.classList.add("selected"); if (scroll) { li.scrollIntoView({ block: "nearest" }); li.focus({ preventScroll: true }); } }
    draw();
  }
  function bindTimeline() {
    var dragging = null;
    canvas.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var rect = canvas.getBoundingClientRect();
      zoom(ev.deltaY > 0 ? 1.25 : 0.8, dayAt(ev.clientX - rect.left, canvas.clientWidth));
    }, { passive: false });
    canvas.addEventListener("pointerdown", function (ev) { dragging = { x: ev.clientX, view: view.slice(), moved: false }; canvas.setPointerCapture(ev.pointerId); });
    canvas.addEventListener("pointermove", function (ev) {
      if (!dragging) return;
      var dx = ev.clientX - dragging.x;
      if (Math.abs(dx) > 3) dragging.moved = true;
      var perPixel = (dragging.view[1] - dragging.view[0]) / (canvas.clientWidth - HEADER);
      view = [dragging.view[0] - dx * perPixel, dragging.view[1] - dx * perPixel];
      draw();
    });
    canvas.addEventListener("pointerup", function (ev) {
      var click = dragging && !dragging.moved;
      dragging = null;
      if (!click) return;
      var rect = canvas.getBoundingClientRect(), x = ev.clientX - rect.left, y = ev.clientY - rect.top;
      var hit = placed.find(function (p) { return x >= p.x0 && x <= p.x1 && y >= p.y0 && y <= p.y1; });
      if (hit) select(hit.index, true);
    });
    canvas.addEventListener("keydown", function (ev) {
      var keys = { "+": function () { zoom(0.8); }, "=": function () { zoom(0.8); }, "-": function () { zoom(1.25); },
        ArrowLeft: function () { pan(-0.1); }, ArrowRight: function () { pan(0.1); }, "0": fit,
        ArrowUp: function () { box.scrollTop -= 3 * LANE_ROW; }, ArrowDown: function () { box.scrollTop += 3 * LANE_ROW; } };
      if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
    });
    window.addEventListener("resize", draw);
  }

  // --- the page ------------------------------------------------------------------------
  var countNode, updateCounts;
  function refresh() {
    var n = 0;
    EVENTS.forEach(function (e, i) { var visible = shown(e); if (items[i]) items[i].hidden = !visible; if (visible) n++; });
    countNode.textContent = n === EVENTS.length ? plural(n, "events") : W("someOf", { events: plural(n, "events"), total: num(EVENTS.length) });
    updateCounts();
    fit();
  }
  function button(bar, text, label, action) {
    var b = el("button", "", text);
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.title = label;
    b.addEventListener("click", action);
    bar.appendChild(b);
  }
  function legend(box) {
    DATA.legend.forEach(function (entry) {
      var item = el("span", "item");
      item.appendChild(markSwatch(entry.m, entry.x, entry.u, entry.n, "#6e6e6e"));
      item.appendChild(el("span", "", entry.label));
      box.appendChild(item);
    });
    var roots = TYPES.filter(function (t) { return t.slug.indexOf("/") < 0; });
    roots.forEach(function (t) {
      var item = el("span", "item");
      item.appendChild(markSwatch("dot", false, false, false, t.colour));
      item.appendChild(el("span", "", t.label));
      box.appendChild(item);
    });
  }
  function build() {
    var header = el("header");
    header.appendChild(el("h1", "", DATA.title));
    header.appendChild(el("p", "meta", W("made", { filter: DATA.filter, date: DATA.made })));
    document.body.appendChild(header);
    var layoutBox = el("div", "layout"), aside = el("aside"), main = el("main");
    aside.setAttribute("aria-label", W("filters"));
    aside.appendChild(el("h2", "", W("filter")));
    updateCounts = buildFilters(aside);
    var bar = el("div", "toolbar");
    button(bar, "−", W("zoomOut"), function () { zoom(1.25); });
    button(bar, "+", W("zoomIn"), function () { zoom(0.8); });
    button(bar, "◀", W("panLeft"), function () { pan(-0.2); });
    button(bar, "▶", W("panRight"), function () { pan(0.2); });
    button(bar, W("fit"), W("showAll"), fit);
    var lanesChoice = el("select");
    lanesChoice.setAttribute("aria-label", W("lanes"));
    [["actor", W("byActor")], ["type", W("byType")], ["none", W("oneLane")]].forEach(function (o) { var opt = el("option", "", o[1]); opt.value = o[0]; lanesChoice.appendChild(opt); });
    lanesChoice.addEventListener("change", function () { grouping = lanesChoice.value; draw(); });
    bar.appendChild(lanesChoice);
    bar.appendChild(el("span", "hint", W("hint")));
    main.appendChild(bar);
    canvas = el("canvas");
    canvas.id = "timeline";
    canvas.tabIndex = 0;
    canvas.setAttribute("role", "img");
    ctx = canvas.getContext("2d");
    box = el("div", "timeline-box");
    spacer = el("div");
    box.appendChild(canvas);
    box.appendChild(spacer);
    box.addEventListener("scroll", draw);
    main.appendChild(box);
    var legendBox = el("div", "legend");
    legend(legendBox);
    main.appendChild(legendBox);
    DATA.notes.forEach(function (note) { main.appendChild(el("p", "note", note)); });
    countNode = el("p", "", "");
    countNode.id = "count";
    countNode.setAttribute("aria-live", "polite");
    main.appendChild(countNode);
    var list = el("ol");
    list.id = "events";
    main.appendChild(list);
    layoutBox.appendChild(aside);
    layoutBox.appendChild(main);
    document.body.appendChild(layoutBox);
    bindTimeline();
    refresh();
    buildList(list, function () { document.body.dataset.ready = "true"; });
  }
  build();
})();
