// dangjian workbench: a little vanilla JavaScript over the JSON API of the
// service package. No framework, no build step, no other origin.
//
// Safety: every text that comes from the server or from the user is put on
// the page with textContent or as an attribute value through
// createElement/setAttribute, never through innerHTML, so that a name such
// as <img src=x onerror=...> stays text.
//
// Exactness: scores and money arrive as decimal strings and are shown as
// they come. Scheme, subjects and policy JSON are sent as the text the user
// gave (checked here only for syntax), never through JSON.parse and
// JSON.stringify, so that no number passes through a float.
"use strict";

(function () {
  // ---------- small DOM helpers ----------

  // el builds an element: el("td", {class: "num"}, "text", childNode, ...).
  // Strings become text nodes; attributes are set with setAttribute.
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "onclick") e.addEventListener("click", v);
        else if (k === "ontoggle") e.addEventListener("toggle", v);
        else e.setAttribute(k, v === true ? "" : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(e, arguments[i]);
    return e;
  }

  function append(parent, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { append(parent, x); }); return; }
    if (typeof c === "string" || typeof c === "number" || typeof c === "boolean") {
      parent.appendChild(document.createTextNode(String(c)));
      return;
    }
    parent.appendChild(c);
  }

  function $(id) { return document.getElementById(id); }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function setStatus(id, text, kind) {
    var s = $(id);
    s.textContent = text || "";
    s.className = "status" + (kind ? " " + kind : "");
  }

  // str renders any JSON value as text for a table cell.
  function str(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  }

  // ---------- labels: stable English codes with Chinese labels ----------

  var LABELS = {
    severity: { info: "提示", warning: "警告", error: "错误" },
    confidence: { verified: "已核实", reported: "转述", unverified: "未核实", local_practice: "地方做法", library_choice: "本库取值" },
    kind: {
      local_committee: "地方党委", work_committee: "党工委", committee: "党委", general_branch: "党总支", branch: "党支部",
      joint_branch: "联合党支部", party_group: "党小组", temporary_committee: "临时党委",
      temporary_general_branch: "临时党总支", temporary_branch: "临时党支部", temporary_joint_branch: "临时联合党支部"
    },
    domain: {
      enterprise: "企业", state_enterprise: "国有企业", collective_enterprise: "集体企业", non_public_enterprise: "非公企业",
      rural: "农村", township: "乡镇", village: "村", organ: "机关", school: "学校", hospital: "医院",
      research_institute: "科研院所", street_community: "街道社区", street: "街道", community: "社区",
      social_organization: "社会组织", public_institution: "事业单位", military: "军队", park: "园区", other: "其他"
    },
    meeting: {
      member_meeting: "支部党员大会", committee_meeting: "支部委员会", group_meeting: "党小组会", party_lecture: "党课",
      party_day: "主题党日", life_meeting: "组织生活会", member_review: "民主评议党员", heart_talk: "谈心谈话"
    },
    category: {
      employed: "在职", retired: "离退休", farmer: "农民", student: "学生", unemployed: "下岗失业",
      low_income: "低保抚恤救济", self_employed: "个体经营", annual_salary: "年薪制"
    }
  };

  // label returns "中文 (code)" for a known code, the value itself otherwise.
  function label(table, code) {
    if (code === undefined || code === null || code === "") return "";
    var zh = LABELS[table] && LABELS[table][code];
    return zh ? zh + " (" + code + ")" : String(code);
  }

  // ---------- the rules catalogue, for titles on rule IDs ----------

  var rules = null; // id -> rule, loaded once on first need
  function loadRules() {
    if (rules) return Promise.resolve(rules);
    return fetch("v1/rules").then(function (r) { return r.ok ? r.json() : null; }).then(function (d) {
      rules = {};
      var list = d && (Array.isArray(d) ? d : d.rules);
      if (Array.isArray(list)) list.forEach(function (r) { if (r && r.id) rules[r.id] = r; });
      return rules;
    }).catch(function () { rules = {}; return rules; });
  }

  function ruleCell(id) {
    var r = rules && rules[id];
    var code = el("code", { class: "rule" }, id || "");
    if (r) {
      var t = [r.source && r.source.doc, r.source && r.source.article, r.wording].filter(Boolean).join(" ");
      if (t) code.setAttribute("title", t);
    }
    return code;
  }

  function sourceText(s) {
    if (!s || typeof s !== "object") return "";
    var parts = [s.doc, s.article].filter(Boolean).join(" ");
    if (s.confidence) parts += " [" + label("confidence", s.confidence) + "]";
    return parts;
  }

  // ---------- problems: the shared dangjian.Problems JSON ----------

  // renderProblems lists problems in container. locate(problem) may return
  // a line number in an editor; pick(problem, line) is then called when the
  // problem's button is pressed.
  function renderProblems(container, problems, opts) {
    clear(container);
    if (!problems || !problems.length) return;
    opts = opts || {};
    var list = el("ol", { class: "problems" });
    problems.forEach(function (p) {
      var where = [];
      if (p.file) where.push(p.file);
      if (p.line) where.push("第 " + p.line + " 行" + (p.column ? " 第 " + p.column + " 列" : ""));
      var line = opts.locate ? opts.locate(p) : 0;
      var item = el("li", { class: "problem" },
        el("code", { class: "code" }, p.code || "problem"), " ",
        p.path ? el("code", { class: "path" }, p.path) : null, p.path ? " " : null,
        p.id ? el("span", { class: "pid" }, "编号 " + p.id + " ") : null,
        where.length ? el("span", { class: "where" }, where.join(" ") + " ") : null,
        el("span", { class: "msg" }, p.message || ""),
        p.value ? el("span", { class: "value" }, " 值：", el("code", null, p.value)) : null,
        p.rule ? el("span", { class: "prule" }, " 规则：", ruleCell(p.rule)) : null);
      if (line > 0 && opts.pick) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("button", { type: "button", class: "goto", onclick: function () { opts.pick(p, line); } },
          "定位到" + (opts.where ? opts.where(p) : "") + "第 " + line + " 行"));
      }
      list.appendChild(item);
    });
    container.appendChild(el("h3", null, "问题 ", el("span", { class: "en", lang: "en" }, "problems"), "（" + problems.length + "）"));
    container.appendChild(list);
  }

  // request sends a request and returns {status, ok, data, text, blob}.
  // A JSON answer is parsed; a body that is not JSON is kept as text.
  function request(method, url, body, headers, asBlob) {
    return fetch(url, { method: method, body: body, headers: headers || {} }).then(function (r) {
      var ct = r.headers.get("Content-Type") || "";
      if (asBlob && r.ok) return r.blob().then(function (b) { return { status: r.status, ok: true, blob: b, headers: r.headers }; });
      return r.text().then(function (t) {
        var data = null;
        if (ct.indexOf("json") >= 0 || /^\s*[\[{]/.test(t)) {
          try { data = JSON.parse(t); } catch (e) { data = null; }
        }
        return { status: r.status, ok: r.ok, data: data, text: t, headers: r.headers };
      });
    });
  }

  function failText(res) {
    var n = res.data && res.data.problems ? res.data.problems.length : 0;
    return "请求未通过（HTTP " + res.status + "）" + (n ? "：" + n + " 个问题，见下方列表" : (res.text ? "：" + res.text.slice(0, 300) : ""));
  }

  // ---------- a JSON syntax check that records where each path is ----------

  // scanJSON checks that text is exactly one JSON value and returns
  // {ok: true, spans: {path: {start, end, keyStart}}} or
  // {ok: false, offset, message}. Paths are written as the library writes
  // them: components[0].indicators[2].max.
  function scanJSON(text) {
    var i = 0, n = text.length, spans = {};
    function ws() { while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++; }
    function fail(msg) { throw { offset: i, message: msg }; }
    function str() {
      if (text[i] !== '"') fail("应为字符串");
      i++;
      var out = "";
      while (i < n) {
        var c = text[i];
        if (c === '"') { i++; return out; }
        if (c === "\\") {
          var d = text[i + 1];
          if (d === "u") {
            if (!/^[0-9a-fA-F]{4}$/.test(text.substr(i + 2, 4))) fail("\\u 转义不完整");
            out += String.fromCharCode(parseInt(text.substr(i + 2, 4), 16));
            i += 6;
            continue;
          }
          var m = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" }[d];
          if (m === undefined) fail("无效的转义");
          out += m;
          i += 2;
          continue;
        }
        if (c < " ") fail("字符串中有控制字符（换行须写作 \\n）");
        out += c;
        i++;
      }
      fail("字符串没有结束的引号");
    }
    function value(path, keyStart) {
      ws();
      if (i >= n) fail("缺少值");
      var start = i, c = text[i];
      if (c === "{") {
        i++; ws();
        if (text[i] === "}") { i++; }
        else {
          for (;;) {
            ws();
            var ks = i;
            var k = str();
            ws();
            if (text[i] !== ":") fail("应为冒号 :");
            i++;
            value(path ? path + "." + k : k, ks);
            ws();
            if (text[i] === ",") { i++; continue; }
            if (text[i] === "}") { i++; break; }
            fail("应为逗号 , 或 }");
          }
        }
      } else if (c === "[") {
        i++; ws();
        if (text[i] === "]") { i++; }
        else {
          for (var idx = 0; ; idx++) {
            value(path + "[" + idx + "]", -1);
            ws();
            if (text[i] === ",") { i++; continue; }
            if (text[i] === "]") { i++; break; }
            fail("应为逗号 , 或 ]");
          }
        }
      } else if (c === '"') {
        str();
      } else if (c === "-" || (c >= "0" && c <= "9")) {
        var m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
        if (!m) fail("无效的数字");
        i += m[0].length;
      } else if (text.startsWith("true", i)) { i += 4; }
      else if (text.startsWith("false", i)) { i += 5; }
      else if (text.startsWith("null", i)) { i += 4; }
      else fail("无法识别的内容");
      if (!(path in spans)) spans[path] = { start: start, end: i, keyStart: keyStart >= 0 ? keyStart : start };
    }
    try {
      value("", -1);
      ws();
      if (i < n) fail("JSON 值之后还有多余内容");
      return { ok: true, spans: spans };
    } catch (e) {
      if (e && typeof e.offset === "number") return { ok: false, offset: Math.min(e.offset, n), message: e.message };
      throw e;
    }
  }

  // lineOf is the 1-based line of an offset in text. The offsets of the
  // line breaks of the last text asked about are kept, so that locating
  // many problems in one scheme costs a binary search each.
  var lineCache = { text: null, breaks: null };
  function lineOf(text, offset) {
    if (lineCache.text !== text) {
      var breaks = [];
      for (var k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) breaks.push(k);
      lineCache = { text: text, breaks: breaks };
    }
    var b = lineCache.breaks, lo = 0, hi = b.length;
    while (lo < hi) { // the number of breaks before offset
      var mid = (lo + hi) >> 1;
      if (b[mid] < offset) lo = mid + 1; else hi = mid;
    }
    return lo + 1;
  }

  // locatePath finds the line of a problem's path in a scanned text: the
  // path itself, or without a leading wrapper key (scheme.), or its
  // nearest ancestor that is present.
  function locatePath(scan, text, path, wrapper) {
    if (!scan || !scan.ok || !path) return 0;
    var p = path;
    if (wrapper && p.indexOf(wrapper + ".") === 0) p = p.slice(wrapper.length + 1);
    else if (wrapper && p.indexOf(wrapper + "[") === 0) p = p.slice(wrapper.length);
    else if (wrapper && p === wrapper) p = "";
    while (true) {
      var s = scan.spans[p];
      if (s) return lineOf(text, s.keyStart);
      if (!p) return 0;
      var cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      p = cut > 0 ? p.slice(0, cut) : "";
    }
  }

  // ---------- tabs ----------

  function initTabs() {
    var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
    function select(tab, focus) {
      tabs.forEach(function (t) {
        var on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        t.tabIndex = on ? 0 : -1;
        $(t.getAttribute("aria-controls")).hidden = !on;
      });
      if (focus) tab.focus();
    }
    tabs.forEach(function (t, k) {
      t.addEventListener("click", function () { select(t, false); });
      t.addEventListener("keydown", function (ev) {
        var j = -1;
        if (ev.key === "ArrowRight") j = (k + 1) % tabs.length;
        else if (ev.key === "ArrowLeft") j = (k - 1 + tabs.length) % tabs.length;
        else if (ev.key === "Home") j = 0;
        else if (ev.key === "End") j = tabs.length - 1;
        if (j >= 0) { ev.preventDefault(); select(tabs[j], true); }
      });
    });
    return select;
  }

  // ---------- files ----------

  // readFileText reads an uploaded text file as UTF-8; a file that is not
  // (a CSV that Excel saved in GBK) is refused rather than read with
  // replacement characters.
  function readFileText(input, statusID) {
    var f = input.files && input.files[0];
    if (!f) return Promise.resolve(null);
    return f.arrayBuffer().then(function (buf) {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(buf);
      } catch (e) {
        setStatus(statusID, "文件 " + f.name + " 不是 UTF-8 编码（可能是 GBK）：请另存为 UTF-8 后再上传。", "bad");
        return null;
      }
    });
  }

  // contentTypeOf tells a CSV from a JSON upload: by its name, else by its
  // first character that is not a space or a byte-order mark.
  function contentTypeOf(file) {
    var name = (file.name || "").toLowerCase();
    if (/\.json$/.test(name)) return Promise.resolve("application/json");
    if (/\.csv$/.test(name)) return Promise.resolve("text/csv");
    return file.slice(0, 256).text().then(function (t) {
      return /^[\s\ufeff]*[\[{]/.test(t) ? "application/json" : "text/csv";
    });
  }

  // ---------- 述职评议方案 ----------

  var scheme = { name: "", loadedText: null, scan: null };

  function schemeGutter() {
    var ta = $("scheme-text"), g = $("scheme-gutter");
    var lines = ta.value.split("\n").length;
    var marks = scheme.marks || {};
    clear(g);
    var buf = [];
    for (var k = 1; k <= lines; k++) {
      if (marks[k]) {
        if (buf.length) { g.appendChild(document.createTextNode(buf.join("\n") + "\n")); buf = []; }
        g.appendChild(el("mark", { title: marks[k] }, String(k)));
        g.appendChild(document.createTextNode("\n"));
      } else buf.push(String(k));
    }
    if (buf.length) g.appendChild(document.createTextNode(buf.join("\n")));
    g.scrollTop = ta.scrollTop;
  }

  function pickLine(ta, line) {
    var text = ta.value, start = 0;
    for (var k = 1; k < line; k++) {
      var nl = text.indexOf("\n", start);
      if (nl < 0) break;
      start = nl + 1;
    }
    var end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    ta.focus();
    ta.setSelectionRange(start, end);
    var lh = parseFloat(getComputedStyle(ta).lineHeight) || 18;
    ta.scrollTop = Math.max(0, (line - 3) * lh);
  }

  // schemeLine is the line of the scheme text a problem is about: its
  // path's line for a compile problem, its own line for a problem of
  // reading (the scheme is sent as text, so the server's lines are the
  // text's), 0 when it is not about the scheme.
  function schemeLine(p, text) {
    if (p.file && p.file !== "scheme") return 0;
    if (p.line && p.file === "scheme") return p.line;
    if (!scheme.scan || !scheme.scan.ok) return 0;
    return locatePath(scheme.scan, text, p.path, "scheme");
  }

  function showSchemeProblems(problems) {
    var text = $("scheme-text").value;
    scheme.marks = {};
    var locate = function (p) {
      var line = schemeLine(p, text);
      if (line) scheme.marks[line] = (scheme.marks[line] ? scheme.marks[line] + "；" : "") + (p.message || p.code);
      return line;
    };
    renderProblems($("scheme-problems"), problems, { locate: locate, pick: function (p, line) { pickLine($("scheme-text"), line); } });
    $("scheme-text").setAttribute("aria-invalid", problems && problems.length ? "true" : "false");
    schemeGutter();
  }

  function loadSchemeList() {
    var sel = $("scheme-pick");
    return request("GET", "v1/schemes").then(function (res) {
      clear(sel);
      var list = res.ok && res.data && res.data.schemes;
      if (!Array.isArray(list)) {
        sel.appendChild(el("option", { value: "" }, "（无法取得参考方案列表）"));
        return;
      }
      list.forEach(function (s) {
        sel.appendChild(el("option", { value: s.name }, (s.title ? s.title + " — " : "") + s.name));
      });
    }).catch(function (e) {
      clear(sel);
      sel.appendChild(el("option", { value: "" }, "（无法取得参考方案列表）"));
    });
  }

  function loadScheme() {
    var name = $("scheme-pick").value;
    if (!name) return;
    setStatus("scheme-status", "正在载入 " + name + " …");
    request("GET", "v1/schemes/" + encodeURIComponent(name)).then(function (res) {
      if (!res.ok) {
        setStatus("scheme-status", failText(res), "bad");
        renderProblems($("scheme-problems"), res.data && res.data.problems);
        return;
      }
      var text = res.text;
      // Keep the server's text as it is (exact numbers); indent only a
      // one-line answer, whose numbers are strings in the scheme format.
      if (text.indexOf("\n") < 0 || text.indexOf("\n") === text.length - 1) {
        var scan = scanJSON(text);
        if (scan.ok) text = prettyJSON(text);
      }
      $("scheme-text").value = text;
      scheme.name = name;
      scheme.loadedText = text;
      $("scheme-source").textContent = "当前方案：参考方案 " + name;
      showSchemeProblems([]);
      setStatus("scheme-status", "已载入参考方案 " + name + "。", "ok");
    }).catch(function (e) { setStatus("scheme-status", "载入失败：" + e, "bad"); });
  }

  // prettyJSON indents JSON text without parsing its numbers: it only
  // moves whitespace outside strings.
  function prettyJSON(text) {
    var out = [], depth = 0, inStr = false, esc = false;
    function nl() { out.push("\n" + "  ".repeat(depth)); }
    for (var k = 0; k < text.length; k++) {
      var c = text[k];
      if (inStr) {
        out.push(c);
        if (esc) esc = false;
        else if (c === "\\") esc = true;
        else if (c === '"') inStr = false;
        continue;
      }
      if (c === " " || c === "\n" || c === "\r" || c === "\t") continue;
      if (c === '"') { inStr = true; out.push(c); continue; }
      if (c === "{" || c === "[") {
        var close = c === "{" ? "}" : "]", j = k + 1;
        while (j < text.length && /\s/.test(text[j])) j++;
        if (text[j] === close) { out.push(c + close); k = j; continue; }
        out.push(c); depth++; nl(); continue;
      }
      if (c === "}" || c === "]") { depth--; nl(); out.push(c); continue; }
      if (c === ",") { out.push(","); nl(); continue; }
      if (c === ":") { out.push(": "); continue; }
      out.push(c);
    }
    return out.join("") + "\n";
  }

  // schemeField returns the JSON text of the "scheme" member of a request,
  // or null after showing why it cannot be sent.
  function schemeField() {
    var text = $("scheme-text").value;
    if (scheme.loadedText !== null && text === scheme.loadedText && scheme.name) {
      scheme.scan = scanJSON(text);
      return JSON.stringify(scheme.name);
    }
    if (!text.trim()) {
      setStatus("scheme-status", "请先载入、上传或粘贴一个方案。", "bad");
      return null;
    }
    // The scheme goes as a JSON string holding its text: the server reads
    // it with its own reader, so its problems' lines are the text's lines
    // and no number passes through this page's floats.
    scheme.scan = scanJSON(text);
    if (!/^[\s\ufeff]*\{/.test(text)) {
      var line = scheme.scan.ok ? 1 : lineOf(text, scheme.scan.offset);
      showSchemeProblems([{ code: "invalid", file: "scheme", line: line,
        message: "方案必须是一个 JSON 对象（以 { 开头）" + (scheme.scan.ok ? "" : "：" + scheme.scan.message) }]);
      return null;
    }
    return JSON.stringify(text);
  }

  function checkScheme() {
    var s = schemeField();
    if (s === null) {
      setStatus("scheme-status", "方案无法发送：请先修正下列问题。", "bad");
      return;
    }
    setStatus("scheme-status", "正在检查方案…");
    var body = '{"scheme":\n' + s + '\n,"subjects":[]}';
    request("POST", "v1/assess", body, { "Content-Type": "application/json" }).then(function (res) {
      var problems = (res.data && res.data.problems) || [];
      if (res.ok && res.data && Array.isArray(res.data.warnings)) problems = problems.concat(res.data.warnings);
      showSchemeProblems(problems);
      if (res.ok && !problems.length) setStatus("scheme-status", "方案编译通过，没有发现问题。", "ok");
      else if (res.ok) setStatus("scheme-status", "方案编译通过，有 " + problems.length + " 个警告。", "warn");
      else setStatus("scheme-status", "方案未通过检查（HTTP " + res.status + "）：" + problems.length + " 个问题。", "bad");
    }).catch(function (e) { setStatus("scheme-status", "请求失败：" + e, "bad"); });
  }

  // saveScheme downloads the scheme text as it is in the editor.
  var schemeURL = null;
  function saveScheme() {
    var text = $("scheme-text").value;
    if (!text.trim()) { setStatus("scheme-status", "没有可保存的方案。", "bad"); return; }
    if (schemeURL) URL.revokeObjectURL(schemeURL);
    schemeURL = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var base = (scheme.name || "scheme").replace(/[^A-Za-z0-9._-]/g, "_");
    var a = el("a", { href: schemeURL, download: base + ".json", hidden: true });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setStatus("scheme-status", "已保存为 " + base + ".json。", "ok");
  }

  // ---------- 评分 ----------

  // subjectsField returns the subjects member(s) of an assess request as
  // JSON text, or null after showing why not.
  function subjectsField() {
    // The text is sent as it is, leading lines included, so that the
    // server's line numbers are the textarea's.
    var text = $("subjects-text").value.replace(/^\ufeff/, "");
    var first = text.replace(/^\s+/, "")[0];
    var t = text;
    if (!first) { setStatus("assess-status", "请先上传或粘贴考核对象。", "bad"); return null; }
    if (first === "[" || first === "{") {
      var scan = scanJSON(t);
      if (!scan.ok) {
        setStatus("assess-status", "考核对象 JSON 第 " + lineOf(t, scan.offset) + " 行有语法错误：" + scan.message, "bad");
        return null;
      }
      return '"subjects":' + t;
    }
    return '"subjectsCsv":' + JSON.stringify(text);
  }

  function policyField() {
    var t = $("policy-text").value.trim();
    if (!t) return "";
    var scan = scanJSON(t);
    if (!scan.ok) {
      setStatus("assess-status", "评定政策 JSON 第 " + lineOf(t, scan.offset) + " 行有语法错误：" + scan.message, "bad");
      return null;
    }
    return ',"policy":' + t;
  }

  var lastAssess = null; // the request body of the ranking shown, for its traces

  function assessBody(explain) {
    var s = schemeField();
    if (s === null) { setStatus("assess-status", "“述职评议方案”页的方案无法发送，请先在该页修正。", "bad"); return null; }
    var subj = subjectsField();
    if (subj === null) return null;
    var pol = policyField();
    if (pol === null) return null;
    var body = '{"scheme":\n' + s + '\n,' + subj + pol;
    if (explain) body += ',"explain":' + JSON.stringify(explain);
    return body + "}";
  }

  function runAssess() {
    var body = assessBody("");
    if (body === null) return;
    lastAssess = body;
    setStatus("assess-status", "正在评分…");
    clear($("assess-trace"));
    request("POST", "v1/assess", body, { "Content-Type": "application/json" }).then(function (res) {
      var d = res.data || {};
      var problems = (d.problems || []).concat(res.ok && Array.isArray(d.warnings) ? d.warnings : []);
      renderProblems($("assess-problems"), problems, {
        locate: function (p) {
          if (isSubjects(p)) return p.line || 0;
          return scheme.name && $("scheme-text").value === scheme.loadedText ? 0 : schemeLine(p, $("scheme-text").value);
        },
        where: function (p) { return isSubjects(p) ? "考核对象" : "方案"; },
        pick: function (p, line) {
          if (isSubjects(p)) { pickLine($("subjects-text"), line); return; }
          selectTab($("tab-scheme"), false);
          pickLine($("scheme-text"), line);
        }
      });
      if (!res.ok) {
        clear($("assess-ranking")); clear($("assess-grading"));
        setStatus("assess-status", failText(res), "bad");
        return;
      }
      var results = d.results || [];
      renderRanking(results, d.grading);
      renderGrading(d.grading);
      setStatus("assess-status", "已评分 " + results.length + " 个对象" + (problems.length ? "，另有 " + problems.length + " 个问题" : "") + "。点击编号查看评分依据。",
        problems.length ? "warn" : "ok");
    }).catch(function (e) { setStatus("assess-status", "请求失败：" + e, "bad"); });
  }

  function isSubjects(p) { return p.file === "subjects" || p.file === "subjectsCsv"; }

  function subjectID(r) { return r.subject !== undefined ? r.subject : r.id; }

  function renderRanking(results, grading) {
    var box = $("assess-ranking");
    clear(box);
    var graded = {};
    if (grading && Array.isArray(grading.subjects)) grading.subjects.forEach(function (g) { graded[subjectID(g)] = g; });
    var rows = results.map(function (r, k) {
      var g = graded[subjectID(r)] || {};
      return { r: r, g: g, order: g.order || r.order || k + 1 };
    });
    rows.sort(function (a, b) { return a.order - b.order; });
    // One column per component, in the scheme's order, as the first
    // result lists them.
    var comps = [];
    results.forEach(function (r) {
      (r.components || []).forEach(function (c) { if (comps.indexOf(c.id) < 0) comps.push(c.id); });
    });
    var named = results.some(function (r) { return r.name; });
    var categorized = results.some(function (r) { return r.category; });
    var compNames = {};
    results.forEach(function (r) { (r.components || []).forEach(function (c) { compNames[c.id] = c.name || c.id; }); });
    var table = el("table", { class: "ranking" },
      el("caption", null, "排名 ", el("span", { class: "en", lang: "en" }, "ranking")),
      el("thead", null, el("tr", null,
        el("th", { scope: "col" }, "序"), el("th", { scope: "col" }, "名次"), el("th", { scope: "col" }, "编号"),
        named ? el("th", { scope: "col" }, "名称") : null, categorized ? el("th", { scope: "col" }, "类别") : null, el("th", { scope: "col" }, "总分"),
        comps.map(function (c) { return el("th", { scope: "col", title: c }, compNames[c]); }),
        el("th", { scope: "col" }, "加分"),
        el("th", { scope: "col" }, "等次"), el("th", { scope: "col" }, "可评优"), el("th", { scope: "col" }, "门槛与调整"))));
    var tb = el("tbody");
    var row = function (x) {
      var r = x.r, g = x.g, id = subjectID(r);
      var gates = (r.gates || []).map(function (h) {
        return el("div", { class: "gate" }, el("code", null, h.gate + (h.effect ? ":" + h.effect : "")), " ", h.reason || "");
      });
      var barred = {};
      (g.barred || []).forEach(function (b) { (barred[b.rule || ""] = barred[b.rule || ""] || []).push(b.grade); });
      Object.keys(barred).forEach(function (rule) {
        gates.push(el("div", { class: "gate" }, el("code", null, rule), " 不得评为 " + barred[rule].join("、")));
      });
      (g.steps || []).forEach(function (st) {
        // The band and the scorer's grade are in the grade column, and the
        // gates are listed above from the result.
        if (st.kind === "scored" || st.kind === "band" || st.kind === "gate") return;
        gates.push(el("div", { class: "step" }, el("code", null, st.kind), " ", st.from ? st.from + " → " : "", st.to || "", " ", st.reason || ""));
      });
      if (g.override) gates.push(el("div", { class: "step" }, "人工调整：", str(g.override)));
      (r.clamped || []).forEach(function (c) { gates.push(el("div", { class: "step" }, "封顶：", el("code", null, str(c.indicator)), " " + str(c.value) + " → " + str(c.to))); });
      if (!grading) (r.remarks || []).forEach(function (m) { gates.push(el("div", { class: "remark" }, str(m))); });
      var rank = g.rank || r.rank;
      tb.appendChild(el("tr", { "data-subject": id },
        el("td", { class: "num" }, str(x.order)),
        el("td", { class: "num" }, g.ungraded ? "—" : str(rank)),
        el("td", null, el("button", { type: "button", class: "subject", "data-subject": id, onclick: function () { explain(id); } }, id)),
        named ? el("td", null, str(r.name)) : null,
        categorized ? el("td", null, str(r.category)) : null,
        el("td", { class: "num" }, str(r.total)),
        comps.map(function (c) {
          var hit = (r.components || []).filter(function (x) { return x.id === c; })[0];
          return el("td", { class: "num", title: hit ? "权重 " + hit.weight + "，加权 " + hit.weighted : null }, hit ? str(hit.score) : "");
        }),
        el("td", { class: "num" }, str(r.bonus)),
        el("td", null, str(g.grade || r.grade),
          (g.band || r.band) && (g.band || r.band) !== (g.grade || r.grade) ? el("span", { class: "muted" }, "（分数段 " + (g.band || r.band) + "）") : null,
          g.recommended && g.recommended !== (g.grade || r.grade) ? el("span", { class: "muted" }, "（建议 " + g.recommended + "）") : null),
        el("td", null, (g.eligible !== undefined ? g.eligible : r.eligible) === false ? "否" : "是"),
        el("td", null, gates)));
    };
    table.appendChild(tb);
    box.appendChild(table);
    // A large cohort is drawn RANKING_PAGE rows at a time.
    var from = 0;
    var more = el("button", { type: "button", class: "more-rows" });
    var page = function () {
      var to = Math.min(rows.length, from + RANKING_PAGE);
      for (var k = from; k < to; k++) row(rows[k]);
      from = to;
      if (from < rows.length) {
        more.textContent = "再显示 " + Math.min(RANKING_PAGE, rows.length - from) + " 行（已显示 " + from + " / " + rows.length + "）";
        if (!more.parentNode) box.appendChild(more);
      } else if (more.parentNode) more.parentNode.removeChild(more);
    };
    more.addEventListener("click", page);
    page();
  }

  var RANKING_PAGE = 1000;

  function renderGrading(grading) {
    var box = $("assess-grading");
    clear(box);
    if (!grading || !Array.isArray(grading.groups)) return;
    box.appendChild(el("h3", null, "等次分布与名额 ", el("span", { class: "en", lang: "en" }, "grades and quotas"),
      grading.policy ? el("span", { class: "muted" }, "（" + grading.policy + "）") : null));
    grading.groups.forEach(function (gr) {
      var head = (gr.category ? gr.category + "：" : "全体：") + gr.subjects + " 个对象，已评定 " + gr.graded + " 个";
      var dist = (gr.grades || []).map(function (c) { return c.grade + " " + c.count; }).join("，");
      var sec = el("div", { class: "group" }, el("h4", null, head), el("p", null, "等次分布：" + dist));
      if (gr.quotas && gr.quotas.length) {
        var t = el("table", { class: "quotas" },
          el("caption", null, "名额 ", el("span", { class: "en", lang: "en" }, "quotas")),
          el("thead", null, el("tr", null, el("th", { scope: "col" }, "等次"), el("th", { scope: "col" }, "上限"),
            el("th", { scope: "col" }, "基数"), el("th", { scope: "col" }, "允许"), el("th", { scope: "col" }, "建议"),
            el("th", { scope: "col" }, "最终"), el("th", { scope: "col" }, "降等"), el("th", { scope: "col" }, "超出"),
            el("th", { scope: "col" }, "约束"), el("th", { scope: "col" }, "依据"))));
        var tb = el("tbody");
        gr.quotas.forEach(function (q) {
          tb.appendChild(el("tr", null, el("td", null, str(q.grade)), el("td", null, str(q.max)), el("td", { class: "num" }, str(q.base)),
            el("td", { class: "num" }, str(q.allowed)), el("td", { class: "num" }, str(q.recommended)), el("td", { class: "num" }, str(q.final)),
            el("td", { class: "num" }, str(q.demoted)), el("td", { class: "num" }, str(q.over || 0)), el("td", null, str(q.modality)),
            el("td", null, sourceText(q.source))));
        });
        t.appendChild(tb);
        sec.appendChild(t);
      }
      box.appendChild(sec);
    });
  }

  // explain asks for one subject's trace with the cohort last scored.
  function explain(id) {
    if (!lastAssess) return;
    var body = lastAssess.replace(/\}$/, ',"explain":' + JSON.stringify(id) + "}");
    var box = $("assess-trace");
    clear(box);
    box.appendChild(el("p", { class: "status" }, "正在取得 " + id + " 的评分依据…"));
    request("POST", "v1/assess", body, { "Content-Type": "application/json" }).then(function (res) {
      clear(box);
      var d = res.data || {};
      if (!res.ok) {
        box.appendChild(el("p", { class: "status bad" }, failText(res)));
        var pb = el("div");
        box.appendChild(pb);
        renderProblems(pb, d.problems);
        return;
      }
      var node = traceRoot(d.trace, id, d.results);
      box.appendChild(el("h3", { id: "trace-title", tabindex: "-1" }, "评分依据：" + id + " ", el("span", { class: "en", lang: "en" }, "trace")));
      if (!node) { box.appendChild(el("p", { class: "muted" }, "服务端没有返回该对象的评分依据。")); return; }
      var tree = el("div", { class: "trace", "aria-label": "评分依据树" });
      tree.appendChild(traceNode(node, 0));
      box.appendChild(tree);
      traceExtras(box, d.explain || (d.trace !== node ? d.trace : null));
      $("trace-title").focus();
    }).catch(function (e) { clear(box); box.appendChild(el("p", { class: "status bad" }, "请求失败：" + e)); });
  }

  // traceRoot finds the indicator tree in the answer: the trace itself, a
  // result holding it, or the explained subject's result.
  function traceRoot(t, id, results) {
    if (t && typeof t === "object") {
      if (Array.isArray(t.children) || t.exact !== undefined && t.value !== undefined) return t;
      if (t.trace && typeof t.trace === "object") return traceRoot(t.trace, id);
      if (t.result && typeof t.result === "object") return traceRoot(t.result, id);
    }
    if (Array.isArray(results)) {
      for (var k = 0; k < results.length; k++) if (subjectID(results[k]) === id && results[k].trace) return results[k].trace;
    }
    return null;
  }

  function kv(name, value) {
    if (value === undefined || value === null || value === "") return null;
    return el("span", { class: "kv" }, el("span", { class: "k" }, name), " ", typeof value === "string" ? value : value);
  }

  function sourceBlock(s, key) {
    if (!s || typeof s !== "object") return null;
    return el("li", { class: "source" },
      key ? el("code", null, key) : null, key ? " " : null,
      "依据：", s.doc || "", s.article ? " " + s.article : "",
      s.confidence ? el("span", { class: "conf" }, " [" + label("confidence", s.confidence) + "]") : null,
      // Where the wording was seen, as text: the page opens no link from
      // data, so a javascript: URL in a scheme can do nothing.
      s.url ? el("div", { class: "note" }, "见 ", el("code", { class: "url" }, s.url)) : null,
      s.note ? el("div", { class: "note" }, s.note) : null);
  }

  // traceNode draws one node as <details>; children are drawn when the
  // node is first opened, so that a large trace costs nothing closed.
  function traceNode(n, depth) {
    var kids = Array.isArray(n.children) ? n.children : [];
    var d = el("details", { class: "tnode", "data-id": n.id || "" });
    if (depth < 1) d.open = true;
    var sum = el("summary", null,
      el("code", { class: "nid" }, str(n.id)), " ", el("span", { class: "nname" }, str(n.name)), " ",
      el("strong", { class: "nval" }, str(n.value !== undefined ? n.value : n.exact)),
      n.max ? el("span", { class: "muted" }, " / " + n.max) : null,
      n.method ? el("span", { class: "tag" }, n.method) : null,
      n.rule ? el("span", { class: "tag rule" }, n.rule) : null);
    d.appendChild(sum);
    var body = el("div", { class: "tbody" });
    var facts = el("div", { class: "facts" },
      kv("精确值", n.exact), kv("分数形式", n.exactFraction), kv("取值", n.value), kv("舍入", n.rounding),
      kv("规则", n.rule), kv("方法", n.method), kv("满分", n.max));
    body.appendChild(facts);
    var inputs = n.inputs;
    if (inputs && typeof inputs === "object") {
      var il = el("ul", { class: "inputs" });
      var pairs = Array.isArray(inputs) ? inputs : Object.keys(inputs).map(function (k) { return [k, inputs[k]]; });
      pairs.forEach(function (p) {
        if (Array.isArray(p)) il.appendChild(el("li", null, el("code", null, str(p[0])), " = ", str(p[1])));
        else if (p && typeof p === "object") il.appendChild(el("li", null, el("code", null, str(p.name || p.key)), " = ", str(p.value)));
      });
      body.appendChild(el("div", { class: "sub" }, "输入：", il));
    }
    var srcs = el("ul", { class: "sources" });
    if (n.source) srcs.appendChild(sourceBlock(n.source, ""));
    if (n.sources && typeof n.sources === "object") Object.keys(n.sources).forEach(function (k) { srcs.appendChild(sourceBlock(n.sources[k], k)); });
    if (srcs.firstChild) body.appendChild(srcs);
    if (Array.isArray(n.notes) && n.notes.length) body.appendChild(el("ul", { class: "notes" }, n.notes.map(function (x) { return el("li", null, str(x)); })));
    d.appendChild(body);
    if (kids.length) {
      var holder = el("div", { class: "tkids" });
      d.appendChild(holder);
      var drawn = false;
      var draw = function () {
        if (drawn || !d.open) return;
        drawn = true;
        kids.forEach(function (c) { holder.appendChild(traceNode(c, depth + 1)); });
      };
      d.addEventListener("toggle", draw);
      if (d.open) draw();
    }
    return d;
  }

  // traceExtras shows what an explain answer holds beside the indicator
  // tree: clamped values, gates, grading steps and notes.
  function traceExtras(box, t) {
    if (!t || typeof t !== "object") return;
    var list = el("ul", { class: "extras" });
    ["gates", "clamped", "steps", "notes"].forEach(function (k) {
      var v = t[k] || (t.result && t.result[k]) || (t.graded && t.graded[k]) || (t.grading && t.grading[k]);
      if (!Array.isArray(v) || !v.length) return;
      v.forEach(function (x) {
        list.appendChild(el("li", null, el("code", null, k), " ", typeof x === "string" ? x : [x.kind || x.gate || x.indicator || "", x.from ? x.from + " → " + (x.to || "") : (x.to || ""), x.reason || "", x.source ? "（" + sourceText(x.source) + "）" : ""].join(" ")));
      });
    });
    if (list.firstChild) box.appendChild(list);
  }

  // ---------- 组织体系 ----------

  var CHART_OPEN_DEPTH = 2;   // levels drawn open at first
  var CHART_PAGE = 200;       // children drawn at once under one node

  function runTree() {
    var f = $("tree-file").files && $("tree-file").files[0];
    if (!f) { setStatus("tree-status", "请先选择组织树文件。", "bad"); return; }
    var asOf = $("tree-asof").value;
    setStatus("tree-status", "正在核查…");
    Promise.all([contentTypeOf(f), loadRules()]).then(function (x) {
      var url = "v1/orgs/validate" + (asOf ? "?asOf=" + encodeURIComponent(asOf) : "");
      return request("POST", url, f, { "Content-Type": x[0] });
    }).then(function (res) {
      var d = res.data || {};
      renderProblems($("tree-problems"), d.problems);
      if (!res.ok) {
        clear($("tree-findings")); clear($("tree-chart"));
        setStatus("tree-status", failText(res), "bad");
        return;
      }
      var orgs = d.orgs || [], findings = d.findings || [];
      var byOrg = renderFindings(findings, orgs);
      renderChart(orgs, byOrg);
      setStatus("tree-status", (d.asOf ? d.asOf + "：" : "") + orgs.length + " 个组织，" + findings.length + " 条核查结果" +
        ((d.problems || []).length ? "，" + d.problems.length + " 行有问题（已跳过）" : "") + "。", findings.length || (d.problems || []).length ? "warn" : "ok");
    }).catch(function (e) { setStatus("tree-status", "请求失败：" + e, "bad"); });
  }

  function renderFindings(findings, orgs, boxID, none) {
    var box = $(boxID || "tree-findings");
    clear(box);
    var names = {}, byOrg = {};
    orgs.forEach(function (o) { names[o.id] = o.name; });
    findings.forEach(function (f) { var s = f.subject || ""; byOrg[s] = (byOrg[s] || 0) + 1; });
    if (!findings.length) { box.appendChild(el("p", { class: "ok" }, none || "没有核查结果：组织设置符合已知规则。")); return byOrg; }
    var table = el("table", { class: "findings" },
      el("caption", null, "核查结果 ", el("span", { class: "en", lang: "en" }, "findings"), "（" + findings.length + "）"),
      el("thead", null, el("tr", null, el("th", { scope: "col" }, "规则"), el("th", { scope: "col" }, "严重程度"),
        el("th", { scope: "col" }, "组织"), el("th", { scope: "col" }, "字段/值"), el("th", { scope: "col" }, "说明"),
        el("th", { scope: "col" }, "依据"))));
    var tb = el("tbody");
    var shown = findings.slice(0, 2000);
    shown.forEach(function (f) {
      var org = f.subject || "";
      tb.appendChild(el("tr", { class: "sev-" + (f.severity || "") },
        el("td", null, ruleCell(f.rule)),
        el("td", null, label("severity", f.severity)),
        el("td", null, org ? el("code", null, org) : "", " ", f.name || names[org] || "",
          org && names[org] !== undefined ? el("button", { type: "button", class: "reveal", "data-org": org, onclick: function () { revealOrg(org); } }, "在图中显示") : null),
        el("td", null, f.ref ? el("span", { class: "ref" }, label("meeting", f.ref) + " ") : null,
          f.field ? el("code", null, f.field) : null, f.value ? " = " + f.value : ""),
        el("td", null, f.message || ""),
        el("td", null, sourceText(f.source))));
    });
    table.appendChild(tb);
    box.appendChild(table);
    if (findings.length > shown.length) box.appendChild(el("p", { class: "muted" }, "只列出前 " + shown.length + " 条；共 " + findings.length + " 条。"));
    return byOrg;
  }

  // renderChart draws the organizations as nested lists. A node's children
  // are drawn when it is opened (and CHART_PAGE at a time), so a tree of
  // thousands of organizations draws only what is open.
  function renderChart(orgs, byOrg) {
    var box = $("tree-chart");
    clear(box);
    if (!orgs.length) return;
    var kids = {}, ids = {}, parent = {};
    orgs.forEach(function (o) { ids[o.id] = true; });
    var roots = [];
    orgs.forEach(function (o) {
      if (o.parent && ids[o.parent] && o.parent !== o.id) {
        (kids[o.parent] = kids[o.parent] || []).push(o);
        parent[o.id] = o.parent;
      } else roots.push(o);
    });
    chart = { ids: ids, parent: parent, openers: {}, pagers: {} };
    box.appendChild(el("h3", null, "组织架构图 ", el("span", { class: "en", lang: "en" }, "organization chart"), "（" + orgs.length + " 个组织）"));
    var ul = el("ul", { class: "chart", "aria-label": "组织架构图" });
    drawChildren(ul, roots, 0, kids, byOrg, "");
    box.appendChild(ul);
  }

  // chart is what revealOrg needs of the chart drawn last: the tree's
  // parents, and for each node drawn, how to open it and how to draw more
  // of its children.
  var chart = null;

  function drawChildren(ul, list, depth, kids, byOrg, parentID) {
    var from = 0, more = null;
    function page() {
      var to = Math.min(list.length, from + CHART_PAGE);
      for (var k = from; k < to; k++) ul.appendChild(chartNode(list[k], depth, kids, byOrg));
      from = to;
      if (from < list.length) {
        more = el("li", { class: "more" });
        more.appendChild(el("button", { type: "button", onclick: function () { next(); } },
          "再显示 " + Math.min(CHART_PAGE, list.length - from) + " 个（共 " + list.length + " 个）"));
        ul.appendChild(more);
      }
    }
    function next() {
      if (from >= list.length) return false;
      if (more && more.parentNode) ul.removeChild(more);
      page();
      return true;
    }
    if (chart) chart.pagers[parentID] = next;
    page();
  }

  // revealOrg opens the chart down to an organization, drawing what is
  // not drawn yet, and moves the focus to it.
  function revealOrg(id) {
    if (!chart || !chart.ids[id]) return;
    var chain = [];
    for (var x = id, guard = 0; x !== undefined && guard < 10000; x = chart.parent[x], guard++) chain.unshift(x);
    for (var k = 0; k < chain.length; k++) {
      var parentID = k === 0 ? "" : chain[k - 1];
      if (k > 0 && chart.openers[parentID]) chart.openers[parentID]();
      var sel = '#tree-chart li[data-org="' + cssEscape(chain[k]) + '"]';
      while (!document.querySelector(sel) && chart.pagers[parentID] && chart.pagers[parentID]()) { /* draw the next page */ }
    }
    var li = document.querySelector('#tree-chart li[data-org="' + cssEscape(id) + '"]');
    if (!li) return;
    Array.prototype.forEach.call(document.querySelectorAll("#tree-chart li.target"), function (e) { e.classList.remove("target"); });
    li.classList.add("target");
    var focusable = li.querySelector("summary") || li;
    if (focusable === li) li.tabIndex = -1;
    focusable.focus();
    li.scrollIntoView({ block: "center" });
  }

  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&"); }

  function orgLabel(o, byOrg) {
    var n = byOrg[o.id] || 0;
    return [
      el("span", { class: "oname" }, o.name || o.id), " ",
      el("code", { class: "oid" }, o.id), " ",
      el("span", { class: "okind" }, o.kindLabel ? o.kindLabel + " (" + o.kind + ")" : label("kind", o.kind)),
      o.domain ? el("span", { class: "odomain" }, " · " + (o.domainLabel ? o.domainLabel + " (" + o.domain + ")" : label("domain", o.domain))) : null,
      el("span", { class: "omembers" }, " · 正式党员 " + str(o.fullMembers) + " / 预备党员 " + str(o.probationaryMembers)),
      n ? el("span", { class: "badge", title: n + " 条核查结果" }, "⚠ " + n) : null
    ];
  }

  function chartNode(o, depth, kids, byOrg) {
    var ch = kids[o.id] || [];
    var li = el("li", { "data-org": o.id });
    if (!ch.length) { append(li, orgLabel(o, byOrg)); return li; }
    var d = el("details");
    if (depth < CHART_OPEN_DEPTH) d.open = true;
    d.appendChild(el("summary", null, orgLabel(o, byOrg), el("span", { class: "muted" }, "（下级 " + ch.length + "）")));
    var ul = el("ul");
    d.appendChild(ul);
    var drawn = false;
    var draw = function () {
      if (drawn || !d.open) return;
      drawn = true;
      drawChildren(ul, ch, depth + 1, kids, byOrg, o.id);
    };
    if (chart) chart.openers[o.id] = function () { d.open = true; draw(); };
    d.addEventListener("toggle", draw);
    if (d.open) draw();
    li.appendChild(d);
    return li;
  }

  // ---------- 组织生活 ----------

  function runOrglife() {
    var tree = $("orglife-tree").files && $("orglife-tree").files[0];
    var meetings = $("orglife-meetings").files && $("orglife-meetings").files[0];
    if (!tree || !meetings) { setStatus("orglife-status", "请先选择组织树和会议记录两个文件。", "bad"); return; }
    var from = $("orglife-from").value, to = $("orglife-to").value;
    if (!from || !to) { setStatus("orglife-status", "请填写起始和截止日期。", "bad"); return; }
    // The files go as they are, in a multipart form: the service reads
    // their encoding and reports a file that is not UTF-8 by line.
    var form = new FormData();
    form.append("tree", tree, tree.name);
    form.append("meetings", meetings, meetings.name);
    setStatus("orglife-status", "正在核查…");
    loadRules().then(function () {
      return request("POST", "v1/orglife?from=" + encodeURIComponent(from) + "&to=" + encodeURIComponent(to), form);
    }).then(function (res) {
      var d = res.data || {};
      renderProblems($("orglife-problems"), d.problems);
      if (!res.ok) {
        clear($("orglife-findings")); clear($("orglife-summary"));
        setStatus("orglife-status", failText(res), "bad");
        return;
      }
      var findings = d.findings || [], summary = d.summary || [];
      renderFindings(findings, [], "orglife-findings", "没有核查结果：各期间的组织生活次数和到会人数符合已知规则。");
      renderTallies(summary);
      var short = summary.filter(function (x) { return x.shortfall > 0 || x.quorumFailures > 0; }).length;
      setStatus("orglife-status", (d.from || from) + " 至 " + (d.to || to) + "（不含）：" + findings.length + " 条核查结果，" + short + " 项次数或到会不足" +
        ((d.problems || []).length ? "，会议记录有 " + d.problems.length + " 个问题（有问题的行未计入）" : "") + "。",
        findings.length || (d.problems || []).length ? "warn" : "ok");
    }).catch(function (e) { setStatus("orglife-status", "请求失败：" + e, "bad"); });
  }

  function renderTallies(rows) {
    var box = $("orglife-summary");
    clear(box);
    if (!rows.length) return;
    var t = el("table", { class: "tallies" },
      el("caption", null, "各组织汇总 ", el("span", { class: "en", lang: "en" }, "summary"), "（" + rows.length + " 行）"),
      el("thead", null, el("tr", null, el("th", { scope: "col" }, "组织"), el("th", { scope: "col" }, "会议类型"),
        el("th", { scope: "col" }, "应开"), el("th", { scope: "col" }, "已开"), el("th", { scope: "col" }, "不足"),
        el("th", { scope: "col" }, "到会不足"))));
    var tb = el("tbody");
    rows.forEach(function (r) {
      tb.appendChild(el("tr", { class: r.shortfall > 0 || r.quorumFailures > 0 ? "short" : null, "data-org": r.org, "data-type": r.type },
        el("td", null, el("code", null, str(r.org)), " ", str(r.name)),
        el("td", null, label("meeting", r.type)),
        el("td", { class: "num" }, str(r.required)), el("td", { class: "num" }, str(r.held)),
        el("td", { class: "num" }, str(r.shortfall)), el("td", { class: "num" }, str(r.quorumFailures))));
    });
    t.appendChild(tb);
    box.appendChild(t);
  }

  // ---------- 党费 ----------

  var duesURLs = [];

  function duesRequest(accept) {
    var f = $("roster-file").files && $("roster-file").files[0];
    if (!f) { setStatus("dues-status", "请先选择党费名册文件。", "bad"); return null; }
    var date = $("dues-date").value;
    var url = "v1/dues" + (date ? "?date=" + encodeURIComponent(date) : "");
    return contentTypeOf(f).then(function (ct) {
      return request("POST", url, f, { "Content-Type": ct, "Accept": accept }, accept === "text/csv");
    });
  }

  function runDues() {
    var p = duesRequest("application/json");
    if (!p) return;
    setStatus("dues-status", "正在计算…");
    p.then(function (res) {
      var d = res.data || {};
      renderProblems($("dues-problems"), d.problems);
      if (!res.ok) {
        clear($("dues-summary")); clear($("dues-ledger"));
        $("dues-download").disabled = true;
        setStatus("dues-status", failText(res), "bad");
        return;
      }
      var ledger = Array.isArray(d.ledger) ? d.ledger : [];
      var probs = (d.problems || []).concat(d.warnings || []);
      renderProblems($("dues-problems"), probs);
      loadRules().then(function () {
        renderSummary(d.summary);
        renderLedger(ledger);
      });
      $("dues-download").disabled = false;
      var notComputed = typeof d.notComputed === "number" ? d.notComputed : 0;
      setStatus("dues-status", (d.month ? d.month.slice(0, 7) + "，" : "") + (d.rules ? d.rules + " 年规定，" : "") +
        "已计算 " + ledger.length + " 名党员" + (notComputed ? "，" + notComputed + " 名未能计算" : "") +
        (probs.length ? "，" + probs.length + " 个问题（见下方列表）" : "") + "。", probs.length || notComputed ? "warn" : "ok");
    }).catch(function (e) { setStatus("dues-status", "请求失败：" + e, "bad"); });
  }

  // flatten turns a JSON value into rows of [path, value].
  function flatten(v, path, out) {
    if (v !== null && typeof v === "object") {
      var keys = Object.keys(v);
      if (!keys.length) out.push([path, Array.isArray(v) ? "[]" : "{}"]);
      keys.forEach(function (k) { flatten(v[k], path ? path + (Array.isArray(v) ? "[" + k + "]" : "." + k) : k, out); });
    } else out.push([path, str(v)]);
    return out;
  }

  var SUMMARY_LABELS = {
    members: "计算人数", dues: "党费", voluntary: "自愿多交", total: "合计", ordinary: "按月交纳部分",
    lumpSum: "一次性缴纳（全额上缴中央）", lumpSumMembers: "一次性缴纳的党员"
  };

  function renderSummary(s) {
    var box = $("dues-summary");
    clear(box);
    if (!s || typeof s !== "object") return;
    var t = el("table", { class: "summary" }, el("caption", null, "汇总 ", el("span", { class: "en", lang: "en" }, "summary")));
    var tb = el("tbody");
    Object.keys(s).forEach(function (k) {
      if (k === "categories" && Array.isArray(s[k])) return;
      flatten(s[k], k, []).forEach(function (r) {
        var name = SUMMARY_LABELS[k] && r[0] === k ? SUMMARY_LABELS[k] + " " : "";
        tb.appendChild(el("tr", null, el("th", { scope: "row" }, name, el("code", null, r[0])), el("td", { class: "num" }, r[1])));
      });
    });
    t.appendChild(tb);
    box.appendChild(t);
    if (Array.isArray(s.categories) && s.categories.length) {
      var ct = el("table", { class: "summary categories" },
        el("caption", null, "按党员类别 ", el("span", { class: "en", lang: "en" }, "by category")),
        el("thead", null, el("tr", null, el("th", { scope: "col" }, "类别"), el("th", { scope: "col" }, "人数"),
          el("th", { scope: "col" }, "党费"), el("th", { scope: "col" }, "自愿多交"))));
      var cb = el("tbody");
      s.categories.forEach(function (c) {
        cb.appendChild(el("tr", null, el("td", null, label("category", c.category)), el("td", { class: "num" }, str(c.members)),
          el("td", { class: "num" }, str(c.dues)), el("td", { class: "num" }, str(c.voluntary))));
      });
      ct.appendChild(cb);
      box.appendChild(ct);
    }
  }

  var LEDGER_SHOWN = 500;
  var LEDGER_COLUMNS = [["member", "编号"], ["name", "姓名"], ["category", "类别"], ["month", "月份"], ["ruleSet", "规定"],
    ["base", "计算基数"], ["rate", "比例"], ["amount", "党费"], ["voluntary", "自愿多交"], ["total", "合计"], ["rule", "规则"]];

  // ledgerRow is a row's values: the dues result of {"name", "dues"}, or
  // the row itself.
  function ledgerRow(r) {
    if (r && r.dues && typeof r.dues === "object") {
      var o = {};
      Object.keys(r.dues).forEach(function (k) { o[k] = r.dues[k]; });
      if (o.name === undefined) o.name = r.name;
      return o;
    }
    return r || {};
  }

  function renderLedger(rows) {
    var box = $("dues-ledger");
    clear(box);
    if (!rows.length) return;
    var first = rows.slice(0, 50).map(ledgerRow);
    var cols = LEDGER_COLUMNS.filter(function (c) { return first.some(function (r) { return r[c[0]] !== undefined; }); });
    first.forEach(function (r) {
      Object.keys(r).forEach(function (k) {
        var v = r[k];
        if ((v === null || typeof v !== "object") && !cols.some(function (c) { return c[0] === k; })) cols.push([k, k]);
      });
    });
    // Leave out the columns no row fills (steps of a ledger without traces).
    cols = cols.filter(function (c) { return first.some(function (r) { var v = r[c[0]]; return v !== null && v !== undefined && v !== ""; }); });
    var t = el("table", { class: "ledger" }, el("caption", null, "台账 ", el("span", { class: "en", lang: "en" }, "ledger"), "（" + rows.length + " 行）"),
      el("thead", null, el("tr", null, cols.map(function (c) { return el("th", { scope: "col", title: c[0] }, c[1]); }))));
    var tb = el("tbody");
    rows.slice(0, LEDGER_SHOWN).forEach(function (raw) {
      var r = ledgerRow(raw);
      tb.appendChild(el("tr", null, cols.map(function (c) {
        var v = r[c[0]];
        if (c[0] === "category") return el("td", null, label("category", v));
        if (c[0] === "rule") return el("td", null, v ? ruleCell(v) : "");
        return el("td", { class: /^(base|rate|amount|voluntary|total|exact)$/.test(c[0]) ? "num" : null }, str(v));
      })));
    });
    t.appendChild(tb);
    box.appendChild(t);
    if (rows.length > LEDGER_SHOWN) box.appendChild(el("p", { class: "muted" }, "只显示前 " + LEDGER_SHOWN + " 行；完整台账请下载 CSV。"));
  }

  function downloadLedger() {
    var p = duesRequest("text/csv");
    if (!p) return;
    setStatus("dues-status", "正在生成台账 CSV…");
    p.then(function (res) {
      if (!res.ok) {
        renderProblems($("dues-problems"), res.data && res.data.problems);
        setStatus("dues-status", failText(res), "bad");
        return;
      }
      duesURLs.forEach(function (u) { URL.revokeObjectURL(u); });
      var blob = res.blob.type ? res.blob : new Blob([res.blob], { type: "text/csv" });
      var u = URL.createObjectURL(blob);
      duesURLs = [u];
      var date = $("dues-date").value || "";
      var name = "ledger" + (date ? "-" + date.slice(0, 7) : "") + ".csv";
      var cd = /filename="?([A-Za-z0-9._-]+)"?/.exec(res.headers.get("Content-Disposition") || "");
      if (cd) name = cd[1];
      var skipped = Number(res.headers.get("X-Problems") || 0) + Number(res.headers.get("X-Not-Computed") || 0);
      var a = $("dues-link");
      a.href = u;
      a.setAttribute("download", name);
      a.textContent = "台账文件 " + name + "（" + blob.size + " 字节）";
      a.hidden = false;
      a.click();
      setStatus("dues-status", "台账 CSV 已生成：" + name + "。" + (skipped ? "有问题的行未写入（问题 " + (res.headers.get("X-Problems") || 0) +
        "，未能计算 " + (res.headers.get("X-Not-Computed") || 0) + "），点击“计算”查看。" : ""), skipped ? "warn" : "ok");
    }).catch(function (e) { setStatus("dues-status", "请求失败：" + e, "bad"); });
  }

  // ---------- 对照检查 ----------

  var conformURLs = [];

  // conformRequest posts INPUT and GOT as they are, in a multipart form,
  // with the kind, the date and (for assess) the reference scheme.
  function conformRequest(accept) {
    var input = $("conform-input").files && $("conform-input").files[0];
    var got = $("conform-got").files && $("conform-got").files[0];
    if (!input || !got) { setStatus("conform-status", "请先选择输入数据和平台导出结果两个文件。", "bad"); return null; }
    var kind = $("conform-kind").value;
    var form = new FormData();
    form.append("kind", kind);
    var date = $("conform-date").value;
    if (date && kind !== "tax") form.append("date", date);
    if (kind === "assess") {
      var sch = $("conform-scheme").value;
      if (!sch) { setStatus("conform-status", "“考核”对照需要选择考核方案。", "bad"); return null; }
      form.append("scheme", sch);
    }
    form.append("input", input, input.name);
    form.append("got", got, got.name);
    return request("POST", "v1/conform", form, { "Accept": accept }, accept === "text/csv");
  }

  function runConform() {
    var p = conformRequest("application/json");
    if (!p) return;
    setStatus("conform-status", "正在对照…");
    loadRules().then(function () { return p; }).then(function (res) {
      var d = res.data || {};
      renderProblems($("conform-problems"), d.problems);
      if (!res.ok) {
        clear($("conform-summary")); clear($("conform-diffs"));
        $("conform-download").disabled = true;
        setStatus("conform-status", failText(res), "bad");
        return;
      }
      var diffs = Array.isArray(d.differences) ? d.differences : [];
      renderConformSummary(d);
      renderConformDiffs(diffs);
      $("conform-download").disabled = false;
      var probs = d.problems || [];
      setStatus("conform-status", (d.kindLabel || d.kind || "") + "：共对照 " + str(d.compared) + " 行，" + str(d.differ) + " 行不一致（" + str(d.summary) + "）" +
        (probs.length ? "，" + probs.length + " 个问题（有问题的行未对照）" : "") + "。", diffs.length || probs.length ? "warn" : "ok");
    }).catch(function (e) { setStatus("conform-status", "请求失败：" + e, "bad"); });
  }

  function causeText(c) {
    if (!c) return "";
    return (c.label || c.cause) + " (" + c.cause + ")";
  }

  function renderConformSummary(d) {
    var box = $("conform-summary");
    clear(box);
    box.appendChild(el("p", { class: "conform-line", "data-summary": str(d.summary) }, el("strong", null, str(d.compared) + " 行中 " + str(d.differ) + " 行不一致"),
      " ", el("span", { class: "en", lang: "en" }, str(d.summary))));
    if (d.likely) {
      box.appendChild(el("p", { class: "likely" }, "可能原因（复现了全部不一致且不与任何一致的行矛盾）：",
        el("strong", null, causeText(d.likely)), d.likely.text ? el("span", { class: "en", lang: "en" }, " " + d.likely.text) : null));
    }
    var causes = Array.isArray(d.causes) ? d.causes : [];
    if (!causes.length) return;
    var t = el("table", { class: "causes" },
      el("caption", null, "各原因复现的行数 ", el("span", { class: "en", lang: "en" }, "causes")),
      el("thead", null, el("tr", null, el("th", { scope: "col" }, "原因"), el("th", { scope: "col" }, "复现不一致行"),
        el("th", { scope: "col" }, "与一致行矛盾"))));
    var tb = el("tbody");
    causes.forEach(function (c) {
      tb.appendChild(el("tr", { "data-cause": c.cause }, el("td", { title: c.text || "" }, causeText(c)),
        el("td", { class: "num" }, str(c.rows)), el("td", { class: "num" }, str(c.against))));
    });
    t.appendChild(tb);
    box.appendChild(t);
  }

  var DIFFS_SHOWN = 500;

  function renderConformDiffs(diffs) {
    var box = $("conform-diffs");
    clear(box);
    if (!diffs.length) { box.appendChild(el("p", { class: "muted" }, "没有不一致的行。")); return; }
    var t = el("table", { class: "diffs" },
      el("caption", null, "不一致的行 ", el("span", { class: "en", lang: "en" }, "differences"), "（" + diffs.length + " 行）"),
      el("thead", null, el("tr", null, ["平台行", "输入行", "编号", "状态", "本库", "平台", "可能原因", "依据规则及出处", "说明"].map(function (h) {
        return el("th", { scope: "col" }, h);
      }))));
    var tb = el("tbody");
    diffs.slice(0, DIFFS_SHOWN).forEach(function (x) {
      var key = [x.id, x.month, x.rule].filter(Boolean).join(" ");
      var causes = (x.causes || []).map(function (c, i) {
        return el("li", null, ((x.causeLabels || [])[i] || c) + " (" + c + ")");
      });
      var rules = (x.rules || []).map(function (r) {
        return el("li", null, ruleCell(r.id), r.source ? " " + r.source : "", r.confidence ? " [" + label("confidence", r.confidence) + "]" : "");
      });
      tb.appendChild(el("tr", { class: "diff " + (x.status || ""), "data-id": x.id || "" },
        el("td", { class: "num" }, x.line ? str(x.line) : ""), el("td", { class: "num" }, x.inputLine ? str(x.inputLine) : ""),
        el("td", null, el("code", null, key)), el("td", null, (x.statusLabel || "") + " (" + str(x.status) + ")"),
        el("td", { class: "num" }, x.library === "" ? "（无）" : str(x.library)), el("td", { class: "num" }, x.platform === "" ? "（无）" : str(x.platform)),
        el("td", { class: "causes" }, causes.length ? el("ul", null, causes) : (x.status === "differs" ? "未找到" : "")),
        el("td", null, rules.length ? el("ul", { class: "rules" }, rules) : ""), el("td", null, str(x.detail))));
    });
    t.appendChild(tb);
    box.appendChild(t);
    if (diffs.length > DIFFS_SHOWN) box.appendChild(el("p", { class: "muted" }, "只显示前 " + DIFFS_SHOWN + " 行；完整结果请下载差异报告 CSV。"));
  }

  function downloadConform() {
    var p = conformRequest("text/csv");
    if (!p) return;
    setStatus("conform-status", "正在生成差异报告 CSV…");
    p.then(function (res) {
      if (!res.ok) {
        renderProblems($("conform-problems"), res.data && res.data.problems);
        setStatus("conform-status", failText(res), "bad");
        return;
      }
      conformURLs.forEach(function (u) { URL.revokeObjectURL(u); });
      var blob = res.blob.type ? res.blob : new Blob([res.blob], { type: "text/csv" });
      var u = URL.createObjectURL(blob);
      conformURLs = [u];
      var name = "conform.csv";
      var cd = /filename="?([A-Za-z0-9._-]+)"?/.exec(res.headers.get("Content-Disposition") || "");
      if (cd) name = cd[1];
      var a = $("conform-link");
      a.href = u;
      a.setAttribute("download", name);
      a.textContent = "差异报告 " + name + "（" + blob.size + " 字节）";
      a.hidden = false;
      a.click();
      setStatus("conform-status", "差异报告 CSV 已生成：" + name + "，" + (res.headers.get("X-Differ") || 0) + " 行不一致，共对照 " +
        (res.headers.get("X-Compared") || 0) + " 行。", "ok");
    }).catch(function (e) { setStatus("conform-status", "请求失败：" + e, "bad"); });
  }

  function loadConformSchemes() {
    var sel = $("conform-scheme");
    return request("GET", "v1/schemes").then(function (res) {
      clear(sel);
      var list = res.ok && res.data && res.data.schemes;
      sel.appendChild(el("option", { value: "" }, "（选择考核方案）"));
      if (Array.isArray(list)) list.forEach(function (s) {
        sel.appendChild(el("option", { value: s.name }, (s.title ? s.title + " — " : "") + s.name));
      });
    }).catch(function () { clear(sel); sel.appendChild(el("option", { value: "" }, "（无法取得参考方案列表）")); });
  }

  // ---------- 到期提醒 ----------

  function runDue() {
    var tree = $("due-tree").files && $("due-tree").files[0];
    if (!tree) { setStatus("due-status", "请先选择组织树文件。", "bad"); return; }
    var meetings = $("due-meetings").files && $("due-meetings").files[0];
    var asOf = $("due-asof").value, until = $("due-until").value;
    var form = new FormData();
    form.append("tree", tree, tree.name);
    if (meetings) form.append("meetings", meetings, meetings.name);
    var q = [];
    if (asOf) q.push("asOf=" + encodeURIComponent(asOf));
    if (until) q.push("until=" + encodeURIComponent(until));
    setStatus("due-status", "正在查询…");
    loadRules().then(function () {
      return request("POST", "v1/due" + (q.length ? "?" + q.join("&") : ""), form);
    }).then(function (res) {
      var d = res.data || {};
      renderProblems($("due-problems"), d.problems);
      if (!res.ok) {
        clear($("due-items")); clear($("due-reminders"));
        setStatus("due-status", failText(res), "bad");
        return;
      }
      var items = Array.isArray(d.items) ? d.items : [], rem = Array.isArray(d.reminders) ? d.reminders : [];
      renderDueItems(items);
      renderReminders(rem);
      var n = { overdue: 0, due: 0, upcoming: 0 };
      items.forEach(function (it) { if (n[it.status] !== undefined) n[it.status]++; });
      setStatus("due-status", str(d.asOf) + " 至 " + str(d.until) + "：已逾期 " + n.overdue + " 项，今日到期 " + n.due + " 项，未到期 " + n.upcoming +
        " 项；期内提醒 " + rem.length + " 条" + ((d.problems || []).length ? "；" + d.problems.length + " 个问题（有问题的行未计入）" : "") + "。",
        n.overdue || (d.problems || []).length ? "warn" : "ok");
    }).catch(function (e) { setStatus("due-status", "请求失败：" + e, "bad"); });
  }

  function daysText(it) {
    if (it.status === "overdue") return "逾期 " + str(it.days) + " 天";
    if (it.status === "upcoming") return "还有 " + str(it.days) + " 天";
    return "今日";
  }

  function renderDueItems(items) {
    var box = $("due-items");
    clear(box);
    if (!items.length) { box.appendChild(el("p", { class: "muted" }, "截至日期前没有到期事项。")); return; }
    var t = el("table", { class: "due-items" },
      el("caption", null, "到期事项 ", el("span", { class: "en", lang: "en" }, "items"), "（" + items.length + " 项）"),
      el("thead", null, el("tr", null, ["到期日", "状态", "事项", "组织", "期间", "规则及出处", "说明", "提醒"].map(function (h) {
        return el("th", { scope: "col" }, h);
      }))));
    var tb = el("tbody");
    items.forEach(function (it) {
      var leads = (it.leads || []).map(function (f) { return str(f.on) + "（提前 " + str(f.before) + "）"; }).join("；");
      tb.appendChild(el("tr", { class: "due " + (it.status || ""), "data-org": it.org || "", "data-what": it.what || "" },
        el("td", null, str(it.due)),
        el("td", null, (it.statusLabel || "") + " · " + daysText(it)),
        el("td", null, (it.whatLabel || "") + " (" + str(it.what) + ")", it.ref ? " " + label("meeting", it.ref) : ""),
        el("td", null, el("code", null, str(it.org)), " ", str(it.name)),
        el("td", null, str(it.period)),
        el("td", null, it.rule ? ruleCell(it.rule) : "", " ", sourceText(it.source)),
        el("td", null, str(it.detail)),
        el("td", null, leads)));
    });
    t.appendChild(tb);
    box.appendChild(t);
  }

  function renderReminders(rem) {
    var box = $("due-reminders");
    clear(box);
    if (!rem.length) return;
    var t = el("table", { class: "reminders" },
      el("caption", null, "期内提醒 ", el("span", { class: "en", lang: "en" }, "reminders"), "（" + rem.length + " 条）"),
      el("thead", null, el("tr", null, ["提醒日", "提前", "事项", "组织", "到期日"].map(function (h) { return el("th", { scope: "col" }, h); }))));
    var tb = el("tbody");
    rem.forEach(function (r) {
      var it = r.item || {};
      tb.appendChild(el("tr", null, el("td", null, str(r.on)), el("td", null, str(r.before)),
        el("td", null, str(it.whatLabel)), el("td", null, el("code", null, str(it.org)), " ", str(it.name)), el("td", null, str(it.due))));
    });
    t.appendChild(tb);
    box.appendChild(t);
  }

  // ---------- start ----------

  var selectTab = function () {};

  function today() {
    var d = new Date();
    var m = String(d.getMonth() + 1), day = String(d.getDate());
    return d.getFullYear() + "-" + (m.length < 2 ? "0" + m : m) + "-" + (day.length < 2 ? "0" + day : day);
  }

  function init() {
    selectTab = initTabs();
    $("tree-asof").value = today();
    $("dues-date").value = today();
    $("conform-date").value = today();
    $("due-asof").value = today();
    var year = new Date().getFullYear() - 1; // the last whole year
    $("orglife-from").value = year + "-01-01";
    $("orglife-to").value = (year + 1) + "-01-01";
    loadSchemeList();
    $("scheme-load").addEventListener("click", loadScheme);
    $("scheme-check").addEventListener("click", checkScheme);
    $("scheme-file").addEventListener("change", function () {
      readFileText($("scheme-file"), "scheme-status").then(function (t) {
        if (t === null) return;
        $("scheme-text").value = t.replace(/^\ufeff/, "");
        scheme.name = ""; scheme.loadedText = null;
        $("scheme-source").textContent = "当前方案：上传的文件 " + $("scheme-file").files[0].name;
        showSchemeProblems([]);
        setStatus("scheme-status", "已读入方案文件，点击“检查方案”编译。");
      });
    });
    $("scheme-text").addEventListener("input", function () {
      if (scheme.loadedText !== null && $("scheme-text").value !== scheme.loadedText) {
        $("scheme-source").textContent = "当前方案：编辑过的方案（基于 " + scheme.name + "）";
      }
      schemeGutter();
    });
    $("scheme-text").addEventListener("scroll", function () { $("scheme-gutter").scrollTop = $("scheme-text").scrollTop; });
    $("subjects-file").addEventListener("change", function () {
      readFileText($("subjects-file"), "assess-status").then(function (t) {
        if (t === null) return;
        $("subjects-text").value = t.replace(/^\ufeff/, "");
        setStatus("assess-status", "已读入 " + $("subjects-file").files[0].name + "，点击“评分并排名”。");
      });
    });
    $("assess-run").addEventListener("click", runAssess);
    $("policy-file").addEventListener("change", function () {
      readFileText($("policy-file"), "assess-status").then(function (t) {
        if (t === null) return;
        $("policy-text").value = t;
        setStatus("assess-status", "已读入评定政策 " + $("policy-file").files[0].name + "。");
      });
    });
    $("scheme-save").addEventListener("click", saveScheme);
    $("tree-run").addEventListener("click", runTree);
    $("dues-run").addEventListener("click", runDues);
    $("orglife-run").addEventListener("click", runOrglife);
    $("dues-download").addEventListener("click", downloadLedger);
    $("conform-run").addEventListener("click", runConform);
    $("conform-download").addEventListener("click", downloadConform);
    $("due-run").addEventListener("click", runDue);
    loadConformSchemes();
    schemeGutter();
    loadRules();
  }

  // The JSON path locator, for the browser tests to check it on whole
  // schemes: the line of each path in a text (0 when it is not there).
  window.dangjianWorkbench = {
    lines: function (text, paths) {
      var scan = scanJSON(text);
      return paths.map(function (p) { return scan.ok && scan.spans[p] ? lineOf(text, scan.spans[p].keyStart) : 0; });
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
