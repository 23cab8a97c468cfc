// formaction's enhancement script: forms marked `data-enhance` that post to this page's origin
// submit with fetch, show a pending state, place errors in the page without a reload (in the
// markup the server renders), follow redirects within this origin, and fall back to a plain
// submission only when no answer came at all.
(() => {
  const d = document, pending = new WeakSet(), plain = new WeakSet();
  // Under `require-trusted-types-for 'script'` DOMParser takes only TrustedHTML. What it parses is
  // an answer of this origin's server, which a plain submission would show as a page anyway.
  const tt = window.trustedTypes && trustedTypes.createPolicy("formaction", { createHTML: (s) => s });
  const parse = (s) => new DOMParser().parseFromString(tt ? tt.createHTML(s) : s, "text/html");
  // `u` resolved against the page when it is an http(s) URL (of the page's own origin unless
  // `away`), else null.
  const own = (u, away) => {
    let url;
    try {
      url = typeof u == "string" && new URL(u, location.href);
    } catch {}
    return url && (away || url.origin === location.origin) && /^https?:$/.test(url.protocol) ? url.href : null;
  };
  const esc = (s) => CSS.escape(s);
  const el = (tag, attrs, text) => {
    const e = d.createElement(tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  };
  const aria = (x, on) => on ? x.setAttribute("aria-busy", on) : x.removeAttribute("aria-busy");
  // The pressed button `p` says it is pending too; its label stays.
  const busy = (f, on, p) => {
    aria(f, on);
    p && aria(p, on);
    f.toggleAttribute("data-pending", on);
    for (const b of f.querySelectorAll("button,input[type=submit]")) b.disabled = on;
  };
  // Forms this script checks itself get `novalidate`: no browser bubble, the server's words
  // instead. Without the script, the browser's own checks stay.
  const quiet = () => {
    for (const f of d.querySelectorAll("form[data-enhance]")) if (own(f.action)) f.noValidate = true;
  };
  const control = (w) => w.matches("fieldset") ? w : w.querySelector("input,select,textarea");
  // The server's messages for the failures of field `w` the browser can see, in the server's
  // order: from the form's data block (render/client.rs), by name (a list's indices as `[]`).
  const said = (f, w) => JSON.parse(f.querySelector("[data-fa-messages]")?.textContent || "{}")[w.dataset.field.replace(/\[\d+\]/g, "[]")] || {};
  const check = (f, w) => {
    const m = said(f, w), c = control(w), x = c && (c.matches("fieldset") ? c.querySelector("input") : c), v = x && x.value.trim();
    // Blank is missing, as on the server; a blank optional field has nothing else to check. (A
    // disabled control is neither required nor checked by the browser: nothing to say.)
    if (!x) return [];
    if (x.validity.valueMissing || x.required && !v) return m.valueMissing ? [m.valueMissing] : [];
    return v ? Object.keys(m).filter((k, i, o) => (
      o = k[0] == "=" && f.elements[x.name.replace(/[^.]*$/, k.slice(1))], i = [...x.files || []],
      o ? o.value.trim() && o.value != x.value
      : k[0] == "<" ? i.some((q) => q.size > k.slice(1))
      : k == "accept" ? i.some((q) => !x.accept.split(",").some((a) => (a = a.trim().toLowerCase(), q.type.startsWith(a.replace("*", "")) || q.name.toLowerCase().endsWith(a))))
      : x.validity[k])).map((k) => m[k]) : [];
  };
  // The ids the errors of a form without an id of its own take (the summary's, a button's
  // message's): made once per form, distinct on the page.
  const ids = new WeakMap();
  let made = 0;
  const base = (f) => f.id || ids.get(f) || (ids.set(f, "fa-form-" + ++made), ids.get(f));
  const describe = (x, id, on) => {
    const list = (x.getAttribute("aria-describedby") || "").split(" ").filter((i) => i && i !== id);
    if (on) list.push(id);
    list.length ? x.setAttribute("aria-describedby", list.join(" ")) : x.removeAttribute("aria-describedby");
  };

  function clear(f) {
    f.querySelector(".fa-summary")?.remove();
    for (const w of f.querySelectorAll(".fa-invalid")) unmark(w);
    for (const l of f.querySelectorAll(".fa-action-error")) {
      for (const x of f.querySelectorAll("[aria-describedby]")) describe(x, l.id, false);
      l.remove();
    }
  }
  function unmark(w) {
    w.classList.remove("fa-invalid");
    const c = control(w), list = w.querySelector(":scope > .fa-errors");
    if (list) list.remove();
    if (!c) return;
    for (const x of w.querySelectorAll("[aria-invalid]")) x.removeAttribute("aria-invalid");
    describe(c, c.id + "-error");
    describe(c, w.id + "-error");
  }

  // Field `w` shows the messages `ms` as the server renders them; returns what takes focus.
  function mark(w, ms) {
    unmark(w);
    const c = control(w), id = (c.id || w.id) + "-error", list = el("ul", { class: "fa-errors", id });
    for (const m of ms) list.append(el("li", {}, m));
    w.classList.add("fa-invalid");
    (w.querySelector(":scope > .fa-help") || w.querySelector(":scope > label,:scope > legend")).after(list);
    (w.matches("fieldset") ? w.querySelectorAll("input") : [c]).forEach((x) => x.setAttribute("aria-invalid", "true"));
    describe(c, id, 1);
    return w.matches("fieldset") ? w.querySelector("input") : c;
  }

  function show(f, r, b) {
    clear(f);
    const items = (r.formErrors || []).map((m) => [null, m]);
    let first;
    // In the form's order (the order of `issues`), not the JSON object's (alphabetical).
    const errs = r.fieldErrors || {}, names = new Set((r.issues || []).map((i) => i.name).concat(Object.keys(errs)));
    // A row's "Delete" button (`data-action-errors`, from `BoundAction::form_button`): every
    // message beside the button pressed, as `BoundAction::error_html` renders it, named by the
    // button's `aria-describedby`.
    if (f.hasAttribute("data-action-errors")) {
      const id = base(f) + "-error", list = el("ul", { class: "fa-errors fa-action-error", id, role: "alert", tabindex: "-1" });
      for (const m of items.map((i) => i[1]).concat(...[...names].map((n) => errs[n] || []))) list.append(el("li", {}, m));
      const at = b || f.querySelector("button,input[type=submit]");
      at ? (at.after(list), describe(at, id, true)) : f.append(list);
      return list.focus();
    }
    for (const name of names) {
      if (!errs[name]) continue;
      const w = f.querySelector('[data-field="' + esc(name) + '"]'), c = w && control(w);
      if (!c) { r.fieldErrors[name].forEach((m) => items.push([null, m])); continue; }
      for (const m of r.fieldErrors[name]) items.push([c.id || w.id, m]);
      const x = mark(w, r.fieldErrors[name]);
      first ||= x;
    }
    const s = el("div", { class: "fa-summary", id: base(f) + "-summary", role: "alert", tabindex: "-1", "aria-labelledby": base(f) + "-summary-title" });
    const ul = el("ul");
    for (const [id, m] of items) {
      const li = el("li");
      li.append(id ? el("a", { href: "#" + id }, m) : m);
      ul.append(li);
    }
    s.append(el("h2", { id: base(f) + "-summary-title" }, say(f, "problem", "There is a problem")), ul);
    f.prepend(s);
    (first || s).focus();
  }

  // htmx (when loaded) drives a form with a request attribute (`hx-post`...), on it or on the
  // button pressed, or inside `hx-boost="true"`: this script leaves it to htmx.
  const hx = (f, b) => {
    if (!window.htmx) return false;
    const boost = f.closest("[hx-boost],[data-hx-boost]");
    return (boost && (boost.getAttribute("hx-boost") || boost.getAttribute("data-hx-boost")) === "true") ||
      [f, b].some((x) => x && [...x.attributes].some((a) => /^(data-)?hx-(get|post|put|patch|delete)$/.test(a.name)));
  };

  // The script's own words: in the page's language when the server wrote them onto the form.
  const say = (f, key, english) => f.getAttribute("data-fa-text-" + key) || english;

  function fallback(f, b) {
    plain.add(f);
    pending.delete(f);
    busy(f, false, b);
    f.requestSubmit(b);
  }

  d.addEventListener("submit", async (e) => {
    const f = e.target, b = e.submitter;
    if (!f.matches("form[data-enhance]") || plain.has(f) || e.defaultPrevented || hx(f, b)) return;
    // A form posting to another origin (markup injected past a sanitizer that keeps `data-*`, say)
    // is left to the browser.
    const url = own(b && b.hasAttribute("formaction") ? b.formAction : f.action);
    if (!url) return;
    e.preventDefault();
    if (pending.has(f)) return;
    // What the browser can check, checked first, in the server's words; not for a button that
    // skips checks (`formnovalidate`: a list's "Add" and "Remove").
    if (!b?.formNoValidate) {
      const errs = {};
      for (const w of f.querySelectorAll("[data-field]")) {
        const ms = check(f, w);
        ms.length && (errs[w.dataset.field] = ms);
      }
      for (const k in errs) return show(f, { fieldErrors: errs }, b);
    }
    pending.add(f);
    const intent = b && b.name === "$intent";
    // Read the form before `busy` disables the buttons: a disabled submitter (an intent's
    // `$intent=add:items`) would be left out.
    const body = new FormData(f, b);
    busy(f, true, b);
    const multipart = f.enctype === "multipart/form-data";
    let res;
    try {
      res = await fetch(url, {
        method: "POST",
        body: multipart ? body : new URLSearchParams(body),
        headers: intent ? { Accept: "text/html" } : { Accept: "application/json", "X-Formaction": "1" },
      });
    } catch {
      // No answer at all: the request may never have arrived, so the browser submits it itself.
      return fallback(f, b);
    }
    // An answer arrived, so the action may have run: whatever happens now, the form is not sent
    // again.
    try {
      // The form stays on the page with its one-time token used: the server sent a fresh one.
      const once = res.headers.get("x-formaction-once"), t = once && f.querySelector('input[name="$once"]');
      if (t) t.value = once;
      if (!(res.headers.get("content-type") || "").includes("json")) {
        const page = parse(await res.text()), next = intent && res.ok && page.getElementById(f.id);
        // A row more or less: the new form takes the old one's place. Any other page (the
        // action's own, a proxy's error page) is shown as a plain submission would show it.
        next ? f.replaceWith(next) : d.documentElement.replaceWith(page.documentElement);
        return quiet();
      }
      const r = await res.json();
      if (r.ok && r.redirect) {
        // Never a script URL, nor another site unless the action chose one (`Redirect::to_external`).
        const to = own(r.redirect, r.external === true);
        return to ? location.assign(to) : show(f, { formErrors: [say(f, "next-page", "The form was sent, but the next page could not be opened.")] }, b);
      }
      if (r.ok) {
        clear(f);
        f.dispatchEvent(new CustomEvent("formaction:state", { bubbles: true, detail: r.state }));
        for (const out of f.querySelectorAll("[data-action-state]")) {
          const key = out.dataset.actionState, v = key ? r.state && r.state[key] : r.state;
          out.textContent = v == null ? "" : typeof v === "object" ? JSON.stringify(v) : v;
        }
        return;
      }
      // A refusal or a failure the server explains (400, 403, 413, 500...): the action did not run,
      // or ran and failed; say so in the form instead of sending it again.
      show(f, res.status === 422 || res.status === 409 ? r : { formErrors: [r.error || say(f, "failed", "Something went wrong. Please try again.")] }, b);
    } catch {
      // A body cut off on the way, or not what JSON or the script expects.
      show(f, { formErrors: [say(f, "unreadable", "The server's answer could not be read. Check before sending again.")] }, b);
    } finally {
      pending.delete(f);
      busy(f, false, b);
    }
  });

  // An error goes away once its control is valid again as far as the browser can tell. The
  // controls changed since the page came are `touched`. A `live` field asks the server about
  // itself (its parse and rules, the action not run, see live.rs) once the user pauses typing:
  // one question per pause (`asked` counts them), the latest answer shown.
  let touched = new WeakSet(), asked = 0;
  d.addEventListener("input", async (e) => {
    const x = e.target, w = x.closest && x.closest(".fa-invalid"), f = x.form, v = f && x.closest("[data-field]"), me = ++asked;
    touched.add(x);
    if (w && w.closest("form[data-enhance]") && x.checkValidity() && !check(f, w).length) unmark(w);
    if (!v || said(f, v).live == null) return;
    await new Promise((r) => AbortSignal.timeout(400).onabort = r);
    if (me == asked) try {
      let n = v.dataset.field, r = await (await fetch(own(f.action), { method: "POST", body: new URLSearchParams(new FormData(f)), headers: { Accept: "application/json", "X-Formaction": "1", "X-Formaction-Live": encodeURIComponent(n) } })).json();
      (n = (r.fieldErrors || {})[n]) ? mark(v, n) : unmark(v);
    } catch {}
  });
  // Leaving a field changed since the page came: checked, and its errors shown or gone.
  d.addEventListener("focusout", (e) => {
    let x = e.target, f = x.form, w = f && x.closest("[data-field]");
    // Only forms with messages (`data-fa-messages`) have anything to check. Not when a submit
    // button takes the focus: the submission checks, and markup moving under the pointer would
    // lose the click.
    if (touched.has(x) && w && e.relatedTarget?.type != "submit") (x = check(f, w)).length ? mark(w, x) : unmark(w);
  });
  quiet();
})();
