/* prongsai search client: Thai-aware static search, no dependencies, works from file://.
   prongsai.search(q, {limit}) -> Promise<[{url, title, excerpt, text, marks}]>, best first;
   the array also has .total (matches verified), .candidates (pages holding the terms),
   .complete (all verified) and .exact. Ranking: title hit, occurrences, boundary bonus, url.
   With a limit (default 10) the top is exact in the first two when .exact (postings carry
   counts that bound occurrences); the bonus only breaks ties among pages already loaded;
   opts.budget caps text-chunk downloads (default limit + 5), after which .exact is false.
   prongsai.mountSearch(input, list, status) wires a search box. Index files live next to
   this script and call prongsai._load(name, data). Rules mirror src/thai/normalize.rs and
   src/search/{grams,query}.rs; keep them in step (js-tests check the shared vectors). */
(function (g) {
  "use strict";
  var P = (g.prongsai = g.prongsai || {}), doc = g.document;
  var me = doc && doc.currentScript;
  var base = P.base || (me && me.src ? new URL(".", me.src).href : "");
  var root = P.root || (base ? new URL("../", base).href : "");
  var got = {}, wait = {};

  P._load = function (name, data) {
    got[name] = data;
    (wait[name] || []).forEach(function (w) { w[0](data); });
    delete wait[name];
  };
  var inject = P._inject || function (url, fail) {
    var s = doc.createElement("script");
    s.src = url; s.async = true; s.onerror = fail;
    doc.head.appendChild(s);
  };
  function get(name) {
    if (name in got) return Promise.resolve(got[name]);
    return new Promise(function (ok, no) {
      if (wait[name]) return wait[name].push([ok, no]);
      wait[name] = [[ok, no]];
      inject(base + name + ".js", function () {
        (wait[name] || []).forEach(function (w) { w[1](new Error("prongsai: cannot load " + name)); });
        delete wait[name];
      });
    });
  }

  // ---- normalisation (src/thai/normalize.rs) ----
  var MARK = /\p{M}/u, WORDY = /[\p{Alphabetic}\p{N}\p{M}]/u, ALNUM = /[\p{Alphabetic}\p{N}]/u;
  var SPACE = /[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var INVIS = /[\u200b\u200c\u200d\u2060\ufeff\xad]/;
  function cp(c) { return c.codePointAt(0); }
  function rank(c) {
    var x = cp(c);
    if (x >= 0xe38 && x <= 0xe3a) return 1;
    if (x === 0xe31 || (x >= 0xe34 && x <= 0xe37) || x === 0xe47 || x === 0xe4d) return 2;
    if (x >= 0xe48 && x <= 0xe4b) return 3;
    return x === 0xe4c || x === 0xe4e ? 4 : 0;
  }
  function isThai(c) { var x = cp(c); return x >= 0xe00 && x <= 0xe7f; }
  function isMark(x) { // \p{M}, with ASCII and Thai answered inline (the hot path)
    if (x < 0x300) return false;
    if (x >= 0xe00 && x <= 0xe7f) return x === 0xe31 || (x >= 0xe34 && x <= 0xe3a) || (x >= 0xe47 && x <= 0xe4e);
    return MARK.test(String.fromCodePoint(x));
  }
  function ccc(x) { return x === 0xe3a ? 9 : x === 0xe38 || x === 0xe39 ? 103 : x >= 0xe48 && x <= 0xe4b ? 107 : 0; }
  function nfcSame(s) { // ASCII and Thai in canonical order: NFC would leave s as it is
    for (var i = 0, p = 0, x, k; i < s.length; i++, p = k) {
      x = s.charCodeAt(i); k = ccc(x);
      if ((x > 127 && (x < 0xe00 || x > 0xe7f)) || (k && p > k)) return false;
    }
    return true;
  }
  function fold(c) {
    var x = cp(c);
    if (x >= 0xe50 && x <= 0xe59) return String.fromCharCode(x - 0xe50 + 48);
    if (x >= 0xff01 && x <= 0xff5e) return String.fromCharCode(x - 0xff01 + 33);
    if (x < 0x2010) return c;
    if (/[\u201c\u201d\u201e\u2033]/.test(c)) return '"';
    if (/[\u2018\u2019\u201a\u2032]/.test(c)) return "'";
    if (/[\u2010-\u2015\u2212]/.test(c)) return "-";
    return c;
  }
  function wide(u, o) { u.s = Math.min(u.s, o.s); u.e = Math.max(u.e, o.e); }
  // units(text): [{c, s, e}], one per key character, s..e = UTF-16 range in text
  function units(text) {
    var v = [], i = 0, n = text.length, j, c, k, out, run;
    while (i < n) { // NFC per cluster
      j = i + (text.codePointAt(i) > 0xffff ? 2 : 1);
      while (j < n && isMark((k = text.codePointAt(j)))) j += k > 0xffff ? 2 : 1;
      c = text.slice(i, j);
      for (c of nfcSame(c) ? c : c.normalize("NFC")) v.push({ c: c, s: i, e: j });
      i = j;
    }
    v = v.filter(function (u) { return !INVIS.test(u.c); });
    for (i = 0; i < v.length; i = j) { // stable-sort runs of Thai marks
      for (j = i; j < v.length && rank(v[j].c); j++);
      if (j === i) { j++; continue; }
      run = v.slice(i, j).sort(function (a, b) { return rank(a.c) - rank(b.c); });
      v.splice.apply(v, [i, j - i].concat(run));
    }
    out = [];
    v.forEach(function (u) { // drop repeated marks
      var l = out[out.length - 1];
      if (l && rank(u.c) && l.c === u.c) wide(l, u); else out.push(u);
    });
    v = out; out = [];
    for (i = 0; i < v.length; i++) { // sara am, double sara e
      var a = v[i].c, b = v[i + 1] && v[i + 1].c, d = v[i + 2] && v[i + 2].c;
      if (a === "\u0e4d" && b === "\u0e32") { k = { c: "\u0e33", s: v[i].s, e: v[i].e }; wide(k, v[++i]); out.push(k); }
      else if (a === "\u0e4d" && b && rank(b) === 3 && d === "\u0e32") {
        k = { c: "\u0e33", s: v[i].s, e: v[i].e }; wide(k, v[i + 2]); out.push(v[i + 1], k); i += 2;
      } else if (a === "\u0e40" && b === "\u0e40") { k = { c: "\u0e41", s: v[i].s, e: v[i].e }; wide(k, v[++i]); out.push(k); }
      else out.push(v[i]);
    }
    v = [];
    out.forEach(function (u) { // fold and lower-case
      for (var c of fold(u.c).toLowerCase()) v.push({ c: c, s: u.s, e: u.e });
    });
    out = []; var sp = null;
    v.forEach(function (u) { // whitespace
      if (SPACE.test(u.c)) { if (sp) wide(sp, u); else sp = { c: " ", s: u.s, e: u.e }; return; }
      var l = out[out.length - 1];
      if (sp && l && !sticky(l.c) && !sticky(u.c)) out.push(sp);
      sp = null; out.push(u);
    });
    return out;
  }
  function sticky(c) { return c === "." || isThai(c); }
  function join(us) { return us.map(function (u) { return u.c; }).join(""); }
  function normalize(text) { return join(units(String(text))); }

  // ---- terms (src/search/grams.rs) ----
  function cls(c) {
    var x = cp(c);
    if (x >= 97 && x <= 122) return 1;
    if (x >= 48 && x <= 57) return 2;
    if ((x >= 0xe01 && x <= 0xe2e) || (x >= 0xe30 && x <= 0xe3a) || (x >= 0xe40 && x <= 0xe45) || (x >= 0xe47 && x <= 0xe4e)) return 3;
    if (x < 128 || isThai(c)) return 0;
    return ALNUM.test(c) ? 4 : 0;
  }
  function termsOf(key) {
    var out = [], run = [], k = 0;
    function flush() {
      if (k === 3 && run.length > 1) for (var i = 1; i < run.length; i++) out.push(run[i - 1] + run[i]);
      else if (k === 1 || k === 2) out.push(run.slice(0, 6).join(""));
      else if (k) out.push(run.join(""));
      run = [];
    }
    for (var c of key) {
      var x = cls(c);
      if (x !== k || x === 4) flush();
      k = x; if (x) run.push(c);
    }
    flush();
    return out;
  }
  function hash(t) {
    var h = 0x811c9dc5;
    for (var c of t) h = Math.imul(h ^ cp(c), 0x01000193) >>> 0;
    return h;
  }
  var DIG = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (d, i) { DIG[d] = i; });
  function nums(s) {
    var out = [], n = 0, m = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIG[s[i]];
      if (d >= 32) { n += (d - 32) * m; m *= 32; } else { out.push(n + d * m); n = 0; m = 1; }
    }
    return out;
  }

  // ---- verification and excerpts (src/search/query.rs) ----
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function find(text, key) { // [[s, e]] ranges in text of accepted matches
    var us = units(text), hay = "", at = [], res = [], pos = 0, p, ks = Array.from(key), klen = ks.length, first = ks[0];
    us.forEach(function (u, i) { at[hay.length] = i; hay += u.c; });
    while ((p = hay.indexOf(key, pos)) >= 0) {
      var i = at[p], k0 = cls(first);
      if (i > 0 && (k0 === 1 || k0 === 2) && cls(us[i - 1].c) === k0) { pos = p + 1; continue; }
      res.push([us[i].s, us[i + klen - 1].e]); pos = p + key.length;
    }
    return res;
  }
  function around(text, i, after) { // the code point before (or at) UTF-16 index i
    if (after) return i < text.length ? String.fromCodePoint(text.codePointAt(i)) : "";
    var a = Array.from(text.slice(Math.max(0, i - 2), i));
    return a.length ? a[a.length - 1] : "";
  }
  function bonus(text, r) {
    return r.reduce(function (b, m) {
      return b + !WORDY.test(around(text, m[0])) + !WORDY.test(around(text, m[1], 1));
    }, 0);
  }
  function excerpt(text, r) {
    var s = 0, e = Math.min(text.length, 160), out = "", plain, marks = [];
    if (r.length) { s = Math.max(0, r[0][0] - 60); e = Math.min(text.length, r[0][1] + 100); }
    while (s > 0 && s < text.length && (MARK.test(text[s]) || /[\udc00-\udfff]/.test(text[s]))) s--;
    while (e < text.length && (MARK.test(text[e]) || /[\udc00-\udfff]/.test(text[e]))) e++;
    var pos = s;
    r.forEach(function (m) {
      if (m[0] < pos || m[1] > e) return;
      out += esc(text.slice(pos, m[0])) + "<mark>" + esc(text.slice(m[0], m[1])) + "</mark>";
      marks.push([m[0] - s + (s > 0 ? 1 : 0), m[1] - s + (s > 0 ? 1 : 0)]); pos = m[1];
    });
    out += esc(text.slice(pos, e));
    plain = (s > 0 ? "…" : "") + text.slice(s, e) + (e < text.length ? "…" : "");
    return { html: (s > 0 ? "…" : "") + out + (e < text.length ? "…" : ""), text: plain, marks: marks };
  }
  function href(url) {
    var u = root ? new URL(url, root).href : url;
    return /^file:/.test(u) && /\/$/.test(u) ? u + "index.html" : u;
  }
  function verify(page, key) {
    page = [String(page[0] || ""), String(page[1] || ""), String(page[2] || "")];
    var t = find(page[1], key), x = find(page[2], key);
    if (!t.length && !x.length) return null;
    var ex = excerpt(page[2], x);
    return { url: href(page[0]), title: page[1], excerpt: ex.html, text: ex.text, marks: ex.marks,
      th: t.length > 0, n: t.length + x.length, b: bonus(page[1], t) + bonus(page[2], x), u: page[0] };
  }
  function better(a, b) { // a ranks before b
    return a.th !== b.th ? a.th : a.n !== b.n ? a.n > b.n : a.b !== b.b ? a.b > b.b : a.u < b.u;
  }

  P.normalize = normalize;
  P._terms = termsOf;
  function setup(man) { // decode the manifest once
    if (!man.big) {
      man.big = {}; man.df = nums(man.d); man.st = [];
      man.b.split(" ").forEach(function (t, i) { if (t) man.big[t] = i; });
      nums(man.c).reduce(function (at, n) { man.st.push(at); return at + n; }, 0);
    }
    return man;
  }
  P.search = function (query, opts) {
    opts = opts || {};
    var limit = opts.limit || 10;
    return get("index").then(function (man) {
      setup(man);
      var key = normalize(query), terms = termsOf(key), mult = {};
      if (!key || !terms.length) return done([], true, 0, 0, true);
      terms.forEach(function (t) { mult[t] = (mult[t] || 0) + 1; });
      // all rare terms, and at most MAX_BIG of the frequent ones (the rarest): fewer and
      // smaller downloads; verification keeps the result exact
      var uniq = Object.keys(mult), file = {}, big = uniq.filter(function (t) { return t in man.big; });
      big.sort(function (a, b) { return man.df[man.big[a]] - man.df[man.big[b]] || (a < b ? -1 : 1); });
      var skip = big.slice(opts.maxBig || 3);
      uniq = uniq.filter(function (t) { return skip.indexOf(t) < 0; });
      uniq.forEach(function (t) { file[t] = t in man.big ? "b/" + man.big[t] : "g/" + (hash(t) % man.s); });
      return Promise.all(uniq.map(function (t) { return get(file[t]); })).then(function () {
        var lists = uniq.map(function (t) { return (got[file[t]] || {})[t]; });
        if (lists.some(function (l) { return !l; })) return done([], true, 0, 0, true);
        var ub = null, tc = null;
        lists.forEach(function (l, li) {
          var v = nums(l[0]), next = new Map(), id = -1, m = mult[uniq[li]];
          for (var i = 0; i < v.length; i++) {
            id += 1 + Math.floor(v[i] / 2);
            var n = v[i] % 2 ? v[++i] + 2 : 1, b = Math.floor(n / m);
            if (b > 0 && (!ub || ub.has(id))) next.set(id, ub ? Math.min(ub.get(id), b) : b);
          }
          ub = next;
          var ts = new Set(); id = -1;
          nums(l[1]).forEach(function (gap) { id += 1 + gap; if (!tc || tc.has(id)) ts.add(id); });
          tc = ts;
        });
        var cands = Array.from(ub.keys()).sort(function (a, b) {
          return tc.has(b) - tc.has(a) || ub.get(b) - ub.get(a) || a - b;
        });
        return verifyAll(man, cands, ub, tc, key, limit, opts.budget || limit + 5);
      });
    });
  };
  function chunkOf(man, id) {
    var lo = 0, hi = man.st.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (man.st[mid] <= id) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function verifyAll(man, cands, ub, tc, key, limit, budget) {
    var top = [], total = 0, i = 0, skipped = false, cut = false; // top: best `limit` verified so far
    function step() {
      for (; i < cands.length; i++) {
        var id = cands[i], k = top.length >= limit && top[limit - 1], t = tc.has(id), u = ub.get(id);
        // title flag and count of a candidate are upper bounds: stop when it cannot beat the
        // k-th; on a tie it could only win on the bonus, which is not worth a download
        if (k && (t < k.th || (t === k.th && u < k.n))) break;
        var tie = k && t === k.th && u === k.n, c = chunkOf(man, id), page = got["t/" + c];
        if (!page && tie) { skipped = true; continue; }
        if (!page && budget <= 0) { cut = true; break; }
        if (!page) return loadNext().then(step);
        var r = verify(page[id - man.st[c]] || [], key);
        if (!r) continue;
        total++; // insert in order (candidates come roughly best first: usually at the end)
        for (var at = top.length; at > 0 && better(r, top[at - 1]); at--);
        top.splice(at, 0, r);
        if (top.length > limit) top.pop();
      }
      return done(top, i >= cands.length && !skipped && !cut, total, cands.length, !cut);
    }
    function loadNext() { // the chunks of the next few candidates, in parallel
      var want = {}, n = 0, need = Math.min(budget, Math.max(4, limit - top.length));
      for (var j = i; j < cands.length && n < need; j++) {
        var c = chunkOf(man, cands[j]);
        if (!got["t/" + c] && !want[c]) { want[c] = 1; n++; }
      }
      budget -= n;
      return Promise.all(Object.keys(want).map(function (c) { return get("t/" + c); }));
    }
    return step();
  }
  function done(list, complete, total, cands, exact) {
    list.forEach(function (r) { delete r.th; delete r.n; delete r.b; delete r.u; });
    list.complete = complete; list.total = total === undefined ? list.length : total;
    list.candidates = cands || 0; list.exact = exact !== false;
    return list;
  }

  // ---- search box ----
  P.mountSearch = function (input, list, status, opts) {
    var timer, seq = 0;
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    function show(rs) {
      list.textContent = "";
      rs.forEach(function (r) {
        var li = doc.createElement("li"), a = doc.createElement("a"), p = doc.createElement("p");
        a.href = r.url; a.textContent = r.title || r.url; p.innerHTML = r.excerpt;
        li.appendChild(a); li.appendChild(p); list.appendChild(li);
      });
      status.textContent = !rs.length ? "ไม่พบผลลัพธ์"
        : (rs.complete ? "พบ " : "พบอย่างน้อย ") + rs.total + " รายการ" + (rs.total > rs.length ? " (แสดง " + rs.length + " รายการแรก)" : "");
    }
    function run() {
      var my = ++seq, q = input.value;
      if (!normalize(q)) { list.textContent = ""; status.textContent = ""; return; }
      P.search(q, opts).then(function (rs) { if (my === seq) show(rs); },
        function () { if (my === seq) status.textContent = "ค้นหาไม่สำเร็จ"; });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    function arrows(e) {
      var ls = links(), at = ls.indexOf(doc.activeElement);
      if (e.key === "ArrowDown" && at < ls.length - 1) { ls[at + 1].focus(); e.preventDefault(); }
      if (e.key === "ArrowUp" && at >= 0) { (at ? ls[at - 1] : input).focus(); e.preventDefault(); }
    }
    input.addEventListener("keydown", arrows);
    list.addEventListener("keydown", arrows);
    var q = g.location && new URLSearchParams(g.location.search).get("q");
    if (q) { input.value = q; run(); }
  };

  // A page with <div data-prongsai-search> holding an input, a list and a [data-status]
  // element gets a live search box; no inline script is needed (strict CSP).
  if (doc && doc.querySelector) {
    var auto = function () {
      var box = doc.querySelector("[data-prongsai-search]");
      if (box) P.mountSearch(box.querySelector("input"), box.querySelector("ol,ul"), box.querySelector("[data-status]"));
    };
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", auto); else auto();
  }
})(typeof window !== "undefined" ? window : globalThis);
