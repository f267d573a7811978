// Injected into every document of a measured tab before its own scripts run
// (Page.addScriptToEvaluateOnNewDocument), after a line that sets
// window.__benchTitle to the first question's title. It records, in
// milliseconds of performance.now() since the navigation started:
//
//   readable: when the question's heading (its title) is painted, visible
//             and not covered: elementFromPoint at its centre is the
//             heading or inside it;
//   controls: when the first option and the Continue button are painted,
//             visible, not covered and enabled (a static export leaves
//             Continue off until guide.js runs), so clicks on them work;
//   wasm:     when the app marks the document as running (data-app);
//   staticNav: when guide.js marks its own navigation on a static host as
//             on (<html data-static-nav="on">): from then on Continue
//             works before the app runs;
//   notFound: when a frame showed "Page not found" as the heading.
//
// The checks run once a frame (requestAnimationFrame), just before the
// frame is painted. Chromium runs frames, and lays the page out for
// elementFromPoint, before anything is painted; so each frame's result is
// kept, and once the first contentful paint is known a mark is the paint's
// time if the last frame before it passed, else the first frame after it
// that passed.
//
// window.__benchDone resolves with the marks once all are known and the app
// has run for a few frames.
(() => {
  if (window.top !== window.self || window.__bench) return;
  const title = window.__benchTitle || "";
  const b = (window.__bench = { readable: -1, controls: -1, wasm: -1, staticNav: -1, fcp: -1, notFound: -1, offscreen: false, covered: "" });
  let resolve;
  window.__benchDone = new Promise((r) => (resolve = r));

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "first-contentful-paint" && b.fcp < 0) b.fcp = e.startTime;
    }
  }).observe({ type: "paint", buffered: true });

  // describe names an element, for the report of what covered what.
  function describe(el) {
    if (!el) return "nothing";
    const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls;
  }

  // clear reports whether el is visible and a click at its centre reaches
  // it (or alt, the option's label). Below the fold a click needs a scroll
  // first; there only the visibility is checked and offscreen is set, so
  // the report says so.
  function clear(el, alt) {
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      b.covered = describe(el) + " not visible";
      return false;
    }
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) {
      b.covered = describe(el) + " has no size";
      return false;
    }
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) {
      b.offscreen = true;
      return true;
    }
    const hit = document.elementFromPoint(x, y);
    const ok = !!hit && (hit === el || el.contains(hit) || (!!alt && (hit === alt || alt.contains(hit))));
    if (!ok) b.covered = describe(el) + " covered by " + describe(hit);
    return ok;
  }

  function heading() {
    const h = document.querySelector("main h1");
    if (!h) return false;
    if (h.textContent.trim() !== title) {
      b.covered = "heading is " + JSON.stringify(h.textContent.trim());
      return false;
    }
    return clear(h);
  }

  function controls() {
    const input = document.querySelector('main form input[type="checkbox"], main form input[type="radio"]');
    const button = document.querySelector('main form button[type="submit"]');
    if (!input || !button) {
      b.covered = "no option or no Continue button";
      return false;
    }
    if (button.disabled) {
      b.covered = "Continue is disabled";
      return false;
    }
    const label = input.id ? document.querySelector('label[for="' + CSS.escape(input.id) + '"]') : null;
    return clear(input, label) && clear(button);
  }

  const checks = { readable: heading, controls: controls };
  const frames = { readable: [], controls: [] }; // [time, passed] per frame

  // mark decides a mark from the frames once the first paint is known: the
  // frames before it are all in, since each is kept before it is painted.
  function mark(k) {
    let before = false;
    for (const [t, ok] of frames[k]) {
      if (t <= b.fcp) before = ok;
      else if (before) return b.fcp;
      else if (ok) return t;
    }
    return before ? b.fcp : -1;
  }

  let afterApp = 0;
  function frame() {
    const now = performance.now();
    attributes();
    for (const k of ["readable", "controls"]) {
      if (b[k] >= 0) continue;
      frames[k].push([now, checks[k]()]);
      if (b.fcp >= 0) b[k] = mark(k);
    }
    const h = document.querySelector("main h1");
    if (b.notFound < 0 && h && h.textContent.trim() === "Page not found") b.notFound = now;
    if (b.wasm >= 0) afterApp++;
    if (b.readable >= 0 && b.controls >= 0 && afterApp >= 5) {
      b.static = !!document.querySelector('meta[name="guide-hosting"][content="static"]');
      b.controlled = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
      resolve(b);
      return;
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  // The app sets data-app="running" on <html> after its first render, and
  // guide.js data-static-nav="on" once its own navigation works. This
  // script runs before the document has an <html> element, so the observer
  // watches the whole document; it sees each change as it happens.
  function attributes() {
    const html = document.documentElement;
    if (!html) return;
    if (b.wasm < 0 && html.dataset.app === "running") b.wasm = performance.now();
    if (b.staticNav < 0 && html.dataset.staticNav === "on") b.staticNav = performance.now();
  }
  new MutationObserver(attributes).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-app", "data-static-nav"] });
  attributes();
})();
