// Symptom Guide: the few behaviours that must work before the app's
// WebAssembly has started, or that go-app does not handle. Plain JavaScript,
// loaded as a file so the Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  "use strict";

  // The app is running once go-app has removed its loader.
  function appRunning() {
    return !document.getElementById("app-wasm-loader");
  }

  // Inside a clinic's page (embed.js) the guide drops its own header and
  // footer, keeps the frame's height equal to its content, and tells the
  // page when it is ready, started, completed and when booking is clicked.
  // The messages go only to the origin embed.js named, and never carry an
  // answer or an outcome.
  var embed = null;
  if (window.self !== window.top) {
    document.documentElement.classList.add("embedded");
    var name = (window.name || "").split(" ");
    if (name.length >= 3 && name[0] === "symptom-guide") embed = { id: name[1], host: name[2], popup: name[3] === "popup", theme: name[4] };
    // The language the embedding page asked for (data-lang, or its own
    // <html lang>), followed once: the name forgets it, so a visitor who
    // then picks another language keeps it.
    if (embed && name[5]) {
      window.name = name.slice(0, 5).join(" ");
      if (followLanguage(name[5])) return;
    }
  }
  // The words shown before the app runs come from the page (the strings
  // file, through the handler's guide-strings meta tags, one a language:
  // the page's own, or the default language's, which comes first).
  var words = document.querySelector('meta[name="guide-strings"][data-lang="' + document.documentElement.lang + '"]') ||
    document.querySelector('meta[name="guide-strings"]');
  // followLanguage moves to this page in the clinic's language closest to
  // wanted (the same tag, else the same primary language), if that is not
  // the page's own; it reports whether it did. Each language's meta tag
  // says its address prefix.
  function followLanguage(wanted) {
    var metas = document.querySelectorAll('meta[name="guide-strings"][data-lang]');
    var here = document.documentElement.lang, w = wanted.toLowerCase(), pick = null, current = null, i, tag;
    for (i = 0; i < metas.length; i++) {
      tag = metas[i].getAttribute("data-lang");
      if (tag === here) current = metas[i];
      if (tag.toLowerCase() === w) pick = metas[i];
    }
    for (i = 0; !pick && i < metas.length; i++) {
      if (metas[i].getAttribute("data-lang").toLowerCase().split("-")[0] === w.split("-")[0]) pick = metas[i];
    }
    if (!pick || pick === current) return false;
    var from = current ? current.getAttribute("data-prefix") : "", to = pick.getAttribute("data-prefix");
    var path = location.pathname.slice(from.length) || "/";
    location.replace((to && path === "/" ? to : to + path) + location.search);
    return true;
  }
  function word(name) {
    return (words && words.getAttribute("data-" + name)) || "";
  }

  function post(event, extra) {
    if (!embed) return;
    var msg = { type: "symptom-guide", id: embed.id, event: event };
    for (var k in extra) msg[k] = extra[k];
    window.parent.postMessage(msg, embed.host);
  }
  if (embed) {
    var sent = {};
    var once = function (event) {
      if (!sent[event]) {
        sent[event] = true;
        post(event, event === "ready" ? { title: word("frame-title"), close: word("close") } : {});
      }
    };
    var lastHeight = 0;
    var report = function () {
      var h = Math.ceil(document.body.getBoundingClientRect().height);
      if (h !== lastHeight) {
        lastHeight = h;
        post("height", { height: h });
      }
      if (location.pathname.indexOf("/q/") === 0) once("started");
      if (location.pathname === "/result" && document.querySelector(".outcome")) once("completed");
    };
    new ResizeObserver(report).observe(document.body);
    new MutationObserver(report).observe(document.body, { childList: true, subtree: true });
    report();
    once("ready");
  }

  document.addEventListener("click", function (e) {
    var el = e.target instanceof Element ? e.target.closest("a, button") : null;
    if (!el) return;
    // go-app treats every link as a page of the app and would swallow
    // tel: links (go-app pull request #1121); let the browser dial, from the
    // top window when the guide is in a frame.
    if (el.tagName === "A" && /^tel:/i.test(el.getAttribute("href") || "")) {
      e.stopPropagation();
      if (embed) {
        e.preventDefault();
        window.open(el.getAttribute("href"), "_top");
      }
      return;
    }
    // Start again forgets every answer. They live only in the address, so
    // the start page replaces this page in the history (Back does not bring
    // the result back) and loads afresh, leaving nothing of them in the
    // app's memory.
    if (el.getAttribute("data-action") === "restart") {
      e.preventDefault();
      e.stopPropagation();
      location.replace(el.getAttribute("href") || "/");
      return;
    }
    if (el.hasAttribute("data-booking")) post("booking", { href: el.href });
    if (el.getAttribute("data-action") === "print") {
      e.preventDefault();
      window.print();
    }
  });

  // On a static host (the export in dist/), a question form must never send
  // the visitor's answers to the host, which cannot use them and may log
  // them. Before the app runs, Continue waits quietly; the app takes the
  // ticked answers over when it starts and carries on.
  var staticHost = !!document.querySelector('meta[name="guide-hosting"][content="static"]');
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!staticHost || appRunning() || !(form instanceof HTMLFormElement)) return;
    e.preventDefault();
    if (form.hasAttribute("data-pending")) return;
    form.setAttribute("data-pending", "continue");
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.setAttribute("aria-disabled", "true");
      if (word("wait")) button.textContent = word("wait");
    }
    var note = document.createElement("p");
    note.className = "pending-note";
    note.setAttribute("role", "status");
    note.textContent = word("wait-note");
    form.appendChild(note);
  });

  // Before the app runs, keep "None of these" and the other boxes apart, as
  // the app does once it runs.
  document.addEventListener("change", function (e) {
    var box = e.target;
    if (appRunning() || !(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.checked) return;
    var exclusive = box.hasAttribute("data-exclusive");
    var boxes = document.querySelectorAll('input[type="checkbox"][name="' + box.name + '"]');
    for (var i = 0; i < boxes.length; i++) {
      var other = boxes[i];
      if (other !== box && (exclusive || other.hasAttribute("data-exclusive"))) other.checked = false;
    }
  });

  // The clinic's page may choose the theme (data-theme="light" or "dark"
  // on the embed); otherwise the guide follows the visitor's system setting.
  function embedTheme() {
    if (embed && (embed.theme === "light" || embed.theme === "dark")) {
      document.documentElement.setAttribute("data-theme", embed.theme);
    }
  }

  // In a dialog (embed.js's popup mode) the guide scrolls inside the
  // dialog, moves the focus to its heading when the page asks, and asks the
  // page to close the dialog on Escape, which a frame's page never sees.
  function embedPopup() {
    if (!embed || !embed.popup) return;
    document.documentElement.classList.add("embedded-popup");
    window.addEventListener("message", function (e) {
      var d = e.data;
      if (e.origin !== embed.host || e.source !== window.parent || !d || d.type !== "symptom-guide" || d.id !== embed.id) return;
      if (d.event === "focus") {
        var h = document.getElementById("page-heading") || document.querySelector("h1");
        if (h) h.focus();
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !e.defaultPrevented) post("close", {});
    });
  }
  embedTheme();
  embedPopup();
})();
