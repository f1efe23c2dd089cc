// Labbook: typeset \( … \) and \[ … \] with KaTeX. Loaded with `defer` after KaTeX
// and its auto-render extension, so both exist and the document is parsed.
(function () {
  "use strict";
  document.documentElement.classList.add("lb-js");
  if (typeof window.renderMathInElement !== "function") { return; }
  window.renderMathInElement(document.body, {
    delimiters: [
      { left: "\\[", right: "\\]", display: true },
      { left: "\\(", right: "\\)", display: false }
    ],
    throwOnError: false
  });
})();
// Answers are folded on screen so a page can be projected; paper shows them all.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.lb-answer").forEach(function (d) { d.open = true; });
});
// A region that scrolls sideways (wide display math, a wide table on a phone) must
// take keyboard focus, or a keyboard user cannot scroll it; one that fits is no tab stop.
(function () {
  "use strict";
  function update() {
    var count = { math: 0, table: 0, figure: 0 };
    document.querySelectorAll(".math.display, .lb-table-scroll, main table, main pre, .lb-figure-frame").forEach(function (e) {
      if (e.matches(".lb-table-scroll > table")) { return; }
      if (e.scrollWidth > e.clientWidth + 1) {
        e.setAttribute("tabindex", "0");
        if (e.tagName !== "TABLE" && e.tagName !== "PRE") {
          e.setAttribute("role", "region");
          // Numbered: landmarks on one page need names of their own.
          var kind = e.classList.contains("math") ? "math" : e.classList.contains("lb-figure-frame") ? "figure" : "table";
          var n = ++count[kind];
          var name = { math: "Equation ", table: "Table ", figure: "Figure image " }[kind];
          e.setAttribute("aria-label", name + n + ", scrolls sideways");
        }
      } else if (e.getAttribute("tabindex") === "0") {
        e.removeAttribute("tabindex");
        if (e.getAttribute("role") === "region") { e.removeAttribute("role"); e.removeAttribute("aria-label"); }
      }
    });
  }
  update();
  window.addEventListener("resize", update);
})();
// Epoch sliders: a figure of training over time carries its slider as a <template>
// (inert without script, where the timeline image tells the story); here it goes live
// after the image, which the stylesheet then hides on screen but keeps for print.
// Moving the range input shows that snapshot's frames and says its epoch and losses.
(function () {
  "use strict";
  document.querySelectorAll("template.lb-epoch-slider").forEach(function (template) {
    var frames = JSON.parse(template.getAttribute("data-frames"));
    var slider = template.content.firstElementChild.cloneNode(true);
    var input = slider.querySelector("input");
    var status = slider.querySelector(".lb-epoch-status");
    function show(index) {
      var frame = frames[index];
      slider.querySelectorAll("img[data-kind]").forEach(function (image) {
        var kind = image.getAttribute("data-kind");
        image.src = frame.images[kind];
        image.alt = frame.alts[kind];
      });
      // A sweep captions each combination's frame with its epoch and losses.
      slider.querySelectorAll("[data-caption]").forEach(function (caption) {
        caption.textContent = frame.captions[caption.getAttribute("data-caption")];
      });
      input.setAttribute("aria-valuetext", frame.text);
      status.textContent = frame.text;
    }
    input.addEventListener("input", function () { show(+input.value); });
    template.parentNode.insertBefore(slider, template);
    template.parentNode.classList.add("lb-slider-on");
    // The experiment's other timeline shows the same snapshots the slider now steps through.
    var experiment = template.closest(".lb-experiment");
    if (experiment) {
      experiment.querySelectorAll(".lb-slider-companion").forEach(function (figure) {
        figure.classList.add("lb-slider-covered");
      });
    }
    show(+input.value);
  });
})();
// Search: every section of every chapter, from search-index.js (a script that sets
// window.labbookSearchIndex, loaded on first use). A section matches when it contains
// every word typed; those with the words in their heading come first.
(function () {
  "use strict";
  var box = document.querySelector(".lb-search");
  if (!box) { return; }
  var input = box.querySelector("input");
  var list = box.querySelector(".lb-search-results ol");
  var status = box.querySelector("#lb-search-status");
  var requested = false;
  function load() {
    if (requested || window.labbookSearchIndex) { return; }
    requested = true;
    var script = document.createElement("script");
    script.src = box.getAttribute("data-index");
    script.onload = show;
    document.head.appendChild(script);
  }
  // Maths reads "x₁", a reader types "x1": subscript and superscript digits and letters
  // match their plain forms. One character for one, so positions stay the same.
  var small = "₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓⁿⁱᵐ";
  var plain = "01234567890123456789aehijklmnoprstuvxnim";
  function fold(text) {
    var out = "";
    for (var k = 0; k < text.length; k++) {
      var at = small.indexOf(text.charAt(k));
      out += at >= 0 ? plain.charAt(at) : text.charAt(k);
    }
    return out.toLowerCase();
  }
  // A snippet around the first searched word, cut at word boundaries (never mid-word),
  // "…" where text was left out.
  function snippet(text, words) {
    var lower = fold(text);
    var at = -1;
    words.forEach(function (w) { var i = lower.indexOf(w); if (i >= 0 && (at < 0 || i < at)) { at = i; } });
    var start = at < 0 ? 0 : Math.max(0, at - 60);
    var end = Math.min(text.length, start + 170);
    if (start > 0) {
      var space = text.indexOf(" ", start - 1);
      start = space >= 0 && space < at ? space + 1 : at;
    }
    if (end < text.length) {
      var last = text.lastIndexOf(" ", end);
      if (last > Math.max(start, at)) { end = last; }
    }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }
  // Puts `text` into `element` with every searched word in a <mark>, as text nodes (the
  // index's text is never parsed as HTML).
  function highlight(element, text, words) {
    var lower = fold(text);
    var position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      words.forEach(function (w) {
        var i = lower.indexOf(w, position);
        if (i >= 0 && (next < 0 || i < next || (i === next && w.length > length))) { next = i; length = w.length; }
      });
      if (next < 0) { break; }
      if (next > position) { element.appendChild(document.createTextNode(text.slice(position, next))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      element.appendChild(mark);
      position = next + length;
    }
    if (position < text.length) { element.appendChild(document.createTextNode(text.slice(position))); }
  }
  function show() {
    var words = fold(input.value).split(/\s+/).filter(function (w) { return w.length > 0; });
    list.textContent = "";
    box.classList.toggle("lb-searching", words.length > 0);
    if (words.length === 0) { status.textContent = ""; return; }
    var index = window.labbookSearchIndex;
    if (!index) { load(); status.textContent = "Loading the search index…"; return; }
    var hits = [];
    index.forEach(function (entry, order) {
      var heading = fold(entry.section);
      var all = fold(entry.page + " " + entry.section + " " + entry.text);
      if (!words.every(function (w) { return all.indexOf(w) >= 0; })) { return; }
      var inHeading = words.filter(function (w) { return heading.indexOf(w) >= 0; }).length;
      hits.push({ entry: entry, score: inHeading, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    status.textContent = hits.length === 0 ? "No section contains " + input.value
      : hits.length + (hits.length === 1 ? " section contains " : " sections contain ") + input.value;
    hits.slice(0, 20).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.entry.href;
      highlight(link, hit.entry.page + (hit.entry.section ? " — " + hit.entry.section : ""), words);
      var text = document.createElement("span");
      text.className = "lb-search-snippet";
      highlight(text, snippet(hit.entry.text, words), words);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.textContent = "No results.";
      list.appendChild(none);
    }
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", show);
  // Escape anywhere in the search (the box or a result) closes the results and
  // leaves the cursor in the box; "/" elsewhere on the page goes to the box.
  box.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || input.value === "") { return; }
    event.preventDefault();
    input.value = "";
    show();
    input.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    event.preventDefault();
    input.focus();
    input.select();
  });
})();

