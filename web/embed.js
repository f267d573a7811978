/* Symptom Guide embed: one script tag puts the guide in a page.
 *
 *   <div data-symptom-guide></div>
 *   <script src="https://guide.example.org/embed.js" async></script>
 *
 * Each element with data-symptom-guide gets an iframe of the guide that keeps
 * its height equal to the guide's content (no inner scrollbar). Without such
 * an element the guide goes right after the script tag. The element receives
 * the events symptom-guide:ready, :started, :completed and :booking (with
 * detail.href); they carry no answers and no outcome.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var frames = [];

  function place(el) {
    if (el.hasAttribute("data-symptom-guide-placed")) return;
    el.setAttribute("data-symptom-guide-placed", "");
    var id = "g" + Math.random().toString(36).slice(2, 10);
    var frame = document.createElement("iframe");
    // The frame learns its id and this page's origin from its name, which
    // never leaves the browser; it only ever posts messages to that origin.
    frame.name = "symptom-guide " + id + " " + location.origin;
    frame.src = origin + "/";
    // The page's own data-title, or until the guide says its title in its
    // ready message, the guide's address.
    frame.title = el.getAttribute("data-title") || new URL(origin).host;
    frame.loading = "lazy";
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.overflow = "hidden";
    frame.style.height = (parseInt(el.getAttribute("data-height"), 10) || 640) + "px";
    frame.setAttribute("scrolling", "no");
    el.appendChild(frame);
    frames.push({ el: el, frame: frame, id: id });
  }

  var spots = document.querySelectorAll("[data-symptom-guide]");
  if (!spots.length) {
    var spot = document.createElement("div");
    spot.setAttribute("data-symptom-guide", "");
    script.parentNode.insertBefore(spot, script.nextSibling);
    spots = [spot];
  }
  Array.prototype.forEach.call(spots, place);

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
        if (h > 0 && h < 100000) f.frame.style.height = h + "px";
        return;
      case "ready":
        if (!f.el.getAttribute("data-title") && d.title) f.frame.title = String(d.title).slice(0, 200);
        return emit(f.el, d.event, {});
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
