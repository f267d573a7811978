// Symptom Guide: the few behaviours that must work before the app's
// WebAssembly has started, or that go-app does not handle. Plain JavaScript,
// loaded as a file so the Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  "use strict";

  // The app is running once go-app has removed its loader.
  function appRunning() {
    return !document.getElementById("app-wasm-loader");
  }

  // Inside a clinic's page the guide drops its own header and footer.
  if (window.self !== window.top) {
    document.documentElement.classList.add("embedded");
  }

  document.addEventListener("click", function (e) {
    var el = e.target instanceof Element ? e.target.closest("a, button") : null;
    if (!el) return;
    // go-app treats every link as a page of the app and would swallow
    // tel: links (go-app pull request #1121); let the browser dial.
    if (el.tagName === "A" && /^tel:/i.test(el.getAttribute("href") || "")) {
      e.stopPropagation();
      return;
    }
    if (el.getAttribute("data-action") === "print") {
      e.preventDefault();
      window.print();
    }
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
})();
