// formaction's own hooks for htmx 2 (htmx itself comes from npm), loaded beside htmx
// (`render::htmx_script_tag`): an invalid submission answered 422 is swapped as a 200 one is, focus
// goes to the first error of the form swapped in, and a refusal or failure (which htmx does not
// swap) is said in the form that was sent.
(() => {
  const d = document;
  // The server answers an invalid submission with the form alone, retargeted to it
  // (`HX-Reselect`); a 422 one (an app's choice) is swapped too, which htmx would not do.
  d.addEventListener("htmx:beforeSwap", (e) => {
    const x = e.detail.xhr;
    if (x.status === 422 && x.getResponseHeader("HX-Reselect")) Object.assign(e.detail, { shouldSwap: true, isError: false });
  });
  // Once swapped, focus goes to the first error of the form sent again.
  d.addEventListener("htmx:afterSettle", (e) => {
    const x = e.detail.xhr, sel = x && x.getResponseHeader("HX-Reselect");
    const at = sel && sel !== "unset" ? d.querySelector(sel) : sel && d.body;
    const first = at && (at.querySelector('[aria-invalid="true"]') || at.querySelector(".fa-action-error,.fa-summary"));
    if (first && !first.contains(d.activeElement)) first.focus();
  });
  // The message of a refusal: the `error` of its JSON, or the paragraph of its page (the server
  // writes it with these entities only). Read as text, never parsed as HTML.
  const named = { quot: '"', amp: "&", lt: "<", gt: ">" };
  const text = (s) => s.replace(/&(#\d+|quot|amp|lt|gt);/g, (_, e) => e[0] == "#" ? String.fromCharCode(e.slice(1)) : named[e]);
  d.addEventListener("htmx:responseError", (e) => {
    const x = e.detail.xhr, elt = e.detail.elt, f = elt.closest("form") || elt, t = x.responseText;
    let m;
    try {
      m = /json/.test(x.getResponseHeader("content-type")) ? JSON.parse(t).error : text(t.match(/<main><h1>[^<]*<\/h1><p>([^<]*)<\/p>/)[1]);
    } catch {}
    const id = (f.id || "fa-htmx") + "-problem", p = d.createElement("p");
    d.getElementById(id)?.remove();
    for (const [k, v] of Object.entries({ class: "fa-errors fa-htmx-error", id, role: "alert", tabindex: "-1" })) p.setAttribute(k, v);
    // In the page's language when the server wrote it onto the form (see the enhancement script).
    p.textContent = m || f.getAttribute("data-fa-text-failed") || "Something went wrong. Please try again.";
    f.matches("form") ? f.prepend(p) : f.after(p);
    p.focus();
  });
})();
