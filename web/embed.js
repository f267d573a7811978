/* Symptom Guide embed (README: "Put the guide on your website").
 * [data-symptom-guide]: an iframe as tall as the guide's content.
 * [data-symptom-guide-open]: a button that opens the guide in a dialog.
 * Options: data-title, data-height, data-theme, data-start, data-lang. Events (no
 * answers, no outcome): symptom-guide:ready, started, completed, booking.
 * Styles go through the CSSOM: no 'unsafe-inline' needed on the page. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var frames = [];
  // The guide's words (frame title, close), from its ready message.
  var words = {};
  // Safety questions are never starting points (the guide refuses them too).
  var safety = /^(age|pain|duration|emergency|urgent|history|cautions)$/;

  function css(el, styles) {
    for (var k in styles) el.style[k] = styles[k];
  }

  function attr(el, name, re) {
    var v = el.getAttribute(name) || "";
    return re.test(v) ? v : "";
  }

  function start(el) {
    var s = el.getAttribute("data-start");
    if (!s) return "";
    if (/^[a-z0-9-]{1,64}$/.test(s) && !safety.test(s)) return s;
    refused(s);
    return "";
  }

  function refused(s) {
    console.warn('Symptom guide: data-start="' + s + '" refused (a safety question or no answer of the guide): it starts with nothing chosen.');
  }

  // The frame learns its id, this page's origin (the only one it posts
  // to), its mode and theme from its name, which never leaves the browser.
  function frame(el, mode) {
    var id = "g" + Math.random().toString(36).slice(2, 10);
    var f = document.createElement("iframe");
    var theme = attr(el, "data-theme", /^(light|dark|auto)$/) || "auto";
    var s = start(el);
    // data-lang, else this page's language: the guide follows it if the
    // clinic offers it.
    var tag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
    var lang = attr(el, "data-lang", tag) || attr(document.documentElement, "lang", tag);
    f.name = ["symptom-guide", id, location.origin, mode, theme, lang].join(" ");
    f.src = origin + "/" + (s ? "?start=" + s : "");
    // data-title, or the guide's title once known, else its address.
    f.title = el.getAttribute("data-title") || words.title || new URL(origin).host;
    css(f, { display: "block", width: "100%", border: "0" });
    var entry = { el: el, frame: f, id: id, theme: theme };
    frames.push(entry);
    return entry;
  }

  function place(el) {
    if (el.hasAttribute("data-symptom-guide-placed")) return;
    el.setAttribute("data-symptom-guide-placed", "");
    var f = frame(el, "inline").frame;
    f.loading = "lazy";
    css(f, { overflow: "hidden", height: (parseInt(el.getAttribute("data-height"), 10) || 640) + "px" });
    f.setAttribute("scrolling", "no");
    el.appendChild(f);
  }

  var spots = document.querySelectorAll("[data-symptom-guide]");
  if (!spots.length && !document.querySelector("[data-symptom-guide-open]")) {
    var spot = document.createElement("div");
    spot.setAttribute("data-symptom-guide", "");
    script.parentNode.insertBefore(spot, script.nextSibling);
    spots = [spot];
  }
  Array.prototype.forEach.call(spots, place);

  // Popup: a trigger opens a modal dialog, made once and kept, so opening it
  // again returns to where the visitor was.
  document.addEventListener("click", function (e) {
    var t = e.target instanceof Element && e.target.closest("[data-symptom-guide-open]");
    if (!t) return;
    e.preventDefault();
    open(t);
  });

  var lockedOverflow = null;
  function open(t) {
    var f = null;
    for (var i = 0; i < frames.length; i++) if (frames[i].el === t && frames[i].dialog) f = frames[i];
    if (!f) f = dialog(t);
    if (f.dialog.open) return;
    if (!f.dialog.showModal) return window.open(f.frame.src, "_blank", "noopener");
    var root = document.documentElement;
    lockedOverflow = root.style.overflow;
    root.style.overflow = "hidden";
    size(f);
    f.dialog.showModal();
    if (f.ready) focusIn(f);
  }

  function dialog(t) {
    var f = frame(t, "popup");
    var d = document.createElement("dialog");
    var box = document.createElement("div");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    if (words.close) close.setAttribute("aria-label", words.close);
    d.setAttribute("aria-label", f.frame.title);
    css(d, { padding: "0", border: "0", maxWidth: "100vw", maxHeight: "100vh", overflow: "hidden", colorScheme: f.theme === "auto" ? "light dark" : f.theme });
    css(box, { display: "flex", flexDirection: "column", height: "100%" });
    css(close, {
      alignSelf: "flex-end", minWidth: "44px", minHeight: "44px", margin: "2px", padding: "0 .5rem",
      font: "700 1.75rem/1 system-ui, sans-serif", color: "inherit", background: "transparent",
      border: "0", borderRadius: "4px", cursor: "pointer"
    });
    css(f.frame, { flex: "1 1 auto", minHeight: "0", height: "auto" });
    close.addEventListener("click", function () { d.close(); });
    d.addEventListener("close", function () {
      document.documentElement.style.overflow = lockedOverflow || "";
      t.focus();
    });
    box.appendChild(close);
    box.appendChild(f.frame);
    d.appendChild(box);
    document.body.appendChild(d);
    f.dialog = d;
    f.close = close;
    addEventListener("resize", function () { size(f); });
    return f;
  }

  // Full screen on a phone, a centred panel on a larger screen.
  function size(f) {
    var wide = innerWidth > 640 && innerHeight > 500;
    css(f.dialog, { width: wide ? "min(48rem, 100vw - 4rem)" : "100vw", height: wide ? "calc(100vh - 4rem)" : "100vh", margin: wide ? "auto" : "0" });
    css(f.dialog, { height: wide ? "calc(100dvh - 4rem)" : "100dvh" });
  }

  // Focus the guide's heading.
  function focusIn(f) {
    f.frame.focus();
    f.frame.contentWindow.postMessage({ type: "symptom-guide", id: f.id, event: "focus" }, origin);
  }

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.origin !== origin || !d || d.type !== "symptom-guide") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.frame.contentWindow === e.source && f.id === d.id) return handle(f, d);
    }
  });

  function handle(f, d) {
    switch (d.event) {
      case "height":
        var h = Math.ceil(Number(d.height));
        if (!f.dialog && h > 0 && h < 100000) f.frame.style.height = h + "px";
        return;
      case "ready":
        if (d.title) words.title = String(d.title).slice(0, 200);
        if (d.close) words.close = String(d.close).slice(0, 200);
        if (!f.el.getAttribute("data-title") && words.title) f.frame.title = words.title;
        if (f.dialog) {
          f.dialog.setAttribute("aria-label", f.frame.title);
          if (words.close) f.close.setAttribute("aria-label", words.close);
          if (!f.ready && f.dialog.open) focusIn(f);
        }
        f.ready = true;
        return emit(f.el, d.event, {});
      case "close":
        if (f.dialog && f.dialog.open) f.dialog.close();
        return;
      case "start-refused":
        return refused(String(d.start || "").slice(0, 64));
      case "started":
      case "completed":
        return emit(f.el, d.event, {});
      case "booking":
        return emit(f.el, "booking", { href: String(d.href || "") });
    }
  }

  function emit(el, name, detail) {
    el.dispatchEvent(new CustomEvent("symptom-guide:" + name, { bubbles: true, detail: detail }));
  }
})();
