// Injected into every document of a walk's tab before its own scripts run
// (Page.addScriptToEvaluateOnNewDocument). A walk goes from page to page
// either in the same document (the app, or a static host's own navigation)
// or by loading a new one (a form sent to the Go server before the app
// runs), so every time here is in milliseconds since the Unix epoch
// (performance.timeOrigin + performance.now()), which documents of one tab
// share. window.__walk records:
//
//   shown[text]:  when a heading (main h1) with this text was painted,
//                 visible and not covered;
//   usable[text]: when, with that heading shown, the page's controls were
//                 too: a question's first option and Continue, or another
//                 page's button (main a.button);
//   outcome:      when the result's outcome card (.outcome) was painted and
//                 visible;
//   dom[text], outcomeDom: when that heading, or the outcome card, came
//                 into the document (a MutationObserver), to tell the
//                 page's own work from the paint;
//   click:        the last click on a button or link: its event's time
//                 (Event.timeStamp, when the input was made, however busy
//                 the page was) and its input delay (how long after that
//                 the page's first listener ran), also kept in
//                 sessionStorage so that the next document of the tab can
//                 read it;
//   events:       Chromium's Event Timing entries for clicks, as a
//                 cross-check of the in-app steps.
//
// "Painted" is the frame after: the checks run once a frame
// (requestAnimationFrame, just before the frame is drawn); when one first
// passes, that frame draws it, and the time kept is the next frame's, by
// when it has been drawn. In a new document nothing is painted before its
// first contentful paint, so a time is never earlier than that (and waits
// until it is known).
(() => {
  if (window.top !== window.self || window.__walk) return;
  const origin = performance.timeOrigin;
  const at = (t) => origin + t;
  const clickKey = "bench-walk-click";
  const w = (window.__walk = { doc: origin, fcp: -1, shown: {}, usable: {}, outcome: -1, dom: {}, outcomeDom: -1, click: null, events: [] });

  // The heading's text and the outcome card as they come into the
  // document. The script runs before the document has an element, so the
  // observer watches the whole of it.
  function inDocument() {
    const h = document.querySelector("main h1");
    const text = h ? h.textContent.trim() : "";
    if (text && !(text in w.dom)) w.dom[text] = at(performance.now());
    if (w.outcomeDom < 0 && document.querySelector(".outcome")) w.outcomeDom = at(performance.now());
  }
  new MutationObserver(inDocument).observe(document, { subtree: true, childList: true, characterData: true });

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "first-contentful-paint" && w.fcp < 0) w.fcp = at(e.startTime);
    }
  }).observe({ type: "paint", buffered: true });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === "click") w.events.push({ start: at(e.startTime), duration: e.duration, processed: at(e.processingEnd) });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch (err) {
    w.eventTiming = String(err);
  }

  // The last click on a button or link, from the window's capturing
  // listener, before any of the page's own.
  window.addEventListener(
    "click",
    (e) => {
      const el = e.target instanceof Element ? e.target.closest("button, a") : null;
      if (!el) return;
      w.click = { t: at(e.timeStamp), delay: performance.now() - e.timeStamp, text: el.textContent.trim(), doc: origin };
      try {
        sessionStorage.setItem(clickKey, JSON.stringify(w.click));
      } catch (err) {
        // Storage refused: the same document still has w.click.
      }
    },
    true,
  );

  // lastClick is the tab's last click, wherever it happened.
  w.lastClick = () => {
    try {
      const s = sessionStorage.getItem(clickKey);
      if (s) return JSON.parse(s);
    } catch (err) {
      // Fall through to this document's own.
    }
    return w.click;
  };

  // clear reports whether el is visible and a click at its centre reaches
  // it (or alt, an option's label). Below the fold only the visibility
  // counts: a visitor scrolls there.
  function clear(el, alt) {
    if (!el) return false;
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit) || (!!alt && (hit === alt || alt.contains(hit))));
  }

  function controls() {
    const form = document.querySelector("main form");
    if (form) {
      const input = form.querySelector('input[type="checkbox"], input[type="radio"]');
      const button = form.querySelector('button[type="submit"]');
      if (!input || !button || button.disabled) return false;
      const label = input.id ? document.querySelector('label[for="' + CSS.escape(input.id) + '"]') : null;
      return clear(input, label) && clear(button);
    }
    return clear(document.querySelector("main a.button"));
  }

  // pending are the marks seen in a frame: [set, frame seen, the next
  // frame's time once it comes].
  let pending = [];
  let frameNo = 0;
  const queued = new Set();
  function frame() {
    frameNo++;
    const now = at(performance.now());
    // The frames these were seen in have been drawn by now; in a new
    // document nothing was before its first paint.
    for (const p of pending) if (p[2] < 0 && p[1] < frameNo) p[2] = now;
    if (w.fcp >= 0) {
      pending = pending.filter(([set, , drawn]) => {
        if (drawn < 0) return true;
        set(Math.max(drawn, w.fcp));
        return false;
      });
    }
    const h = document.querySelector("main h1");
    const text = h ? h.textContent.trim() : "";
    const queue = (key, set) => {
      if (queued.has(key)) return;
      queued.add(key);
      pending.push([set, frameNo, -1]);
    };
    if (text && !queued.has("shown:" + text) && clear(h)) queue("shown:" + text, (t) => (w.shown[text] = t));
    if (text && queued.has("shown:" + text) && !queued.has("usable:" + text) && controls()) queue("usable:" + text, (t) => (w.usable[text] = t));
    const outcome = document.querySelector(".outcome");
    if (outcome && !queued.has("outcome") && clear(outcome)) queue("outcome", (t) => (w.outcome = t));
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  // state is what the benchmark polls: the marks of heading (or of the
  // outcome when heading is ""), and enough of the page to say where it
  // stands when a step fails.
  w.state = (heading) => {
    const h = document.querySelector("main h1");
    const form = document.querySelector("main form");
    return {
      doc: origin,
      now: at(performance.now()),
      shown: heading ? (w.shown[heading] ?? -1) : w.outcome,
      usable: heading ? (w.usable[heading] ?? -1) : w.outcome,
      inDom: heading ? (w.dom[heading] ?? -1) : w.outcomeDom,
      click: w.lastClick(),
      url: location.pathname + location.search,
      heading: h ? h.textContent.trim() : "",
      app: document.documentElement.dataset.app || "",
      staticNav: document.documentElement.dataset.staticNav || "",
      pending: !!(form && form.hasAttribute("data-pending")),
      error: !!document.querySelector(".error-summary"),
      checked: [...document.querySelectorAll("main input:checked")].map((i) => i.name + "=" + i.value),
      ready: document.readyState,
    };
  };
})();
