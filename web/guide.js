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
  // prefix is the address prefix of the page's language ("" for the
  // default language, such as /es for another).
  var prefix = (words && words.getAttribute("data-prefix")) || "";
  // inLanguage returns path without the page language's prefix ("/" for
  // its start page), or null when path is in another of the languages.
  function inLanguage(path) {
    if (!prefix) return path;
    return path.indexOf(prefix) === 0 ? path.slice(prefix.length) || "/" : null;
  }
  // pagePath is the address of this page without its language prefix.
  function pagePath() {
    return inLanguage(location.pathname) || location.pathname;
  }
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
      if (pagePath().indexOf("/q/") === 0) once("started");
      if (pagePath() === "/result" && document.querySelector(".outcome")) once("completed");
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

  // Before the app runs, the guide moves on in this same document, so
  // app.wasm keeps downloading once whatever the visitor does: Continue,
  // Start and Back fetch the next question's prerendered page without
  // answers (fetched ahead while the visitor reads), swap it in, and put the
  // answers in the address with history.pushState, where the app reads
  // them when it starts; they are not sent anywhere. What a page needs for
  // this comes from the engine at build time: the form's data-next (the
  // next question) and each deciding option's data-decides (the static
  // export's page of its result).
  //
  // The rest differs by host. The Go server renders any page from answers
  // and keeps nothing, so where the navigation cannot go on by itself (a
  // deciding answer, the check page, nothing ticked, a page that cannot
  // be fetched) the form goes to it as plain HTML. A static host (the
  // export in dist/) cannot use answers and may log them, so a form never
  // goes to it: a deciding answer shows the export's page of its result,
  // and elsewhere Continue waits quietly and the app carries on when it
  // runs.
  var staticHost = !!document.querySelector('meta[name="guide-hosting"][content="static"]');
  var pages = {}; // address → promise of its parsed document, or null
  var deciding = {}; // "question=option" → the page of its result, from pages seen
  function fetchPage(path) {
    if (!pages[path]) {
      pages[path] = fetch(path, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (t) { return t && new DOMParser().parseFromString(t, "text/html"); })
        .catch(function () { return null; })
        .then(function (doc) {
          if (!doc) delete pages[path];
          return doc;
        });
    }
    return pages[path];
  }
  // learn notes the deciding options and fetches the next question ahead.
  // It also turns Continue on: the export leaves it off for browsers that
  // run no script, since the host cannot take the answers.
  function learn() {
    var off = document.querySelectorAll('main form button[name="next"][disabled]'), j;
    for (j = 0; j < off.length; j++) off[j].disabled = false;
    var inputs = document.querySelectorAll("main form input[data-decides]"), i;
    for (i = 0; i < inputs.length; i++) deciding[inputs[i].name + "=" + inputs[i].value] = inputs[i].getAttribute("data-decides");
    var form = document.querySelector("main form[data-next]");
    if (form) fetchPage(form.getAttribute("data-next"));
  }
  // show puts doc's page in place of this one at address url, with the
  // answers in url ticked, and moves the focus to its heading.
  function show(doc, file, url, push) {
    var next = doc && doc.querySelector("body > .page"), current = document.querySelector("body > .page");
    if (!next || !current || appRunning()) return false;
    if (push) history.pushState({ page: file }, "", url);
    current.parentNode.replaceChild(document.importNode(next, true), current);
    document.title = doc.title;
    var answers = new URLSearchParams(location.search);
    var inputs = document.querySelectorAll('main form input[type="checkbox"], main form input[type="radio"]');
    for (var i = 0; i < inputs.length; i++) inputs[i].checked = answers.getAll(inputs[i].name).indexOf(inputs[i].value) >= 0;
    // The form carries the other answers, as the server writes it, so it
    // still works as plain HTML on the Go server.
    var holder = document.querySelector("main form .hidden-answers");
    if (holder && inputs.length) {
      answers.forEach(function (value, name) {
        if (name !== inputs[0].name && name !== "next") holder.appendChild(hidden(name, value));
      });
    }
    window.scrollTo(0, 0);
    var h = document.getElementById("page-heading");
    if (h) h.focus({ preventScroll: true });
    learn();
    return true;
  }
  function hidden(name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    return input;
  }
  // go shows the page at file under the address url, fetching it if it is
  // not here yet; it reports through done whether it did.
  function go(file, url, push, done) {
    fetchPage(file).then(function (doc) {
      done(show(doc, file, url, push));
    });
  }
  // wait is Continue waiting for the app, with a quiet note.
  function wait(form) {
    form.setAttribute("data-pending", "continue");
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.setAttribute("aria-disabled", "true");
      if (word("wait")) button.textContent = word("wait");
    }
    if (form.querySelector(".pending-note")) return;
    var note = document.createElement("p");
    note.className = "pending-note";
    note.setAttribute("role", "status");
    note.textContent = word("wait-note");
    form.appendChild(note);
  }
  function answerOf(form) {
    var answers = new URLSearchParams(location.search);
    answers.delete("next");
    var ticked = form.querySelectorAll('input[type="checkbox"]:checked, input[type="radio"]:checked'), i;
    if (!ticked.length) return null;
    answers.delete(ticked[0].name);
    for (i = 0; i < ticked.length; i++) answers.append(ticked[i].name, ticked[i].value);
    return answers;
  }
  // decidedBy returns the page of the result the answers decide on their
  // own (a deciding option seen on this or an earlier page), or "".
  function decidedBy(answers) {
    var found = "";
    answers.forEach(function (value, name) {
      if (!found && deciding[name + "=" + value]) found = deciding[name + "=" + value];
    });
    return found;
  }
  // It starts from the start page or a question; other pages (the check
  // page, a result, an article) keep their plain links until the app runs.
  var here = pagePath();
  var navigable = !appRunning() && (here === "/" || here.indexOf("/q/") === 0);
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (appRunning() || !(form instanceof HTMLFormElement)) return;
    if (form.hasAttribute("data-pending")) return e.preventDefault();
    var answers = navigable && answerOf(form);
    var decided = answers && decidedBy(answers);
    var file = staticHost ? decided || form.getAttribute("data-next") : !decided && form.getAttribute("data-next");
    if (!answers || !file) {
      // The Go server takes the form as plain HTML.
      if (staticHost) {
        e.preventDefault();
        wait(form);
      }
      return;
    }
    e.preventDefault();
    var query = answers.toString();
    // This page's own entry keeps the answer, so Back returns to it as
    // it was left, as in the app.
    history.replaceState(history.state, "", location.pathname + "?" + query);
    form.setAttribute("data-pending", "fetch");
    go(file, (decided ? prefix + "/result" : file) + "?" + query, true, function (shown) {
      if (shown || appRunning()) return;
      if (staticHost) return wait(form);
      // As if Continue had sent the form (form.submit() leaves the
      // button's own name and value out).
      var button = form.querySelector("button[name]");
      if (button) form.appendChild(hidden(button.name, button.value));
      form.submit();
    });
  });
  if (navigable) {
    learn();
    // Back and Start links move in the page too, keeping the answers.
    document.addEventListener("click", function (e) {
      var a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!a || appRunning() || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      if (a.origin !== location.origin || a.hasAttribute("data-action") || a.getAttribute("href").charAt(0) === "#") return;
      var path = a.pathname, rest = inLanguage(path);
      if (rest === null || (rest !== "/" && rest.indexOf("/q/") !== 0)) return;
      e.preventDefault();
      go(path, path + (a.search || location.search), true, function (shown) {
        if (!shown && !appRunning()) location.href = a.href;
      });
    });
    // An entry of this document without a state is the one it was loaded
    // at; the others name the page they show.
    window.addEventListener("popstate", function (e) {
      if (appRunning()) return;
      go((e.state && e.state.page) || location.pathname, location.href, false, function (shown) {
        if (!shown && !appRunning()) location.reload();
      });
    });
    document.documentElement.setAttribute("data-static-nav", "on");
  }

  // Before the app runs, keep "None of these" and the other boxes apart, as
  // the app does once it runs.
  document.addEventListener("change", function (e) {
    var box = e.target;
    if (appRunning() || !(box instanceof HTMLInputElement) || !box.checked) return;
    // A static host fetches the result of a deciding answer as it is ticked.
    if (staticHost && box.hasAttribute("data-decides")) fetchPage(box.getAttribute("data-decides"));
    if (box.type !== "checkbox") return;
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
