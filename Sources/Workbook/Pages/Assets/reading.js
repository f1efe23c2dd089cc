// Results tables on narrow screens: each cell is given its column's name (data-label, from the
// header without its small print), and a table wider than its column becomes cards
// (.lb-cards on its wrapper, styled in labbook.css). Checked again when the window resizes:
// a phone turned sideways may have room for the table.
(function () {
  "use strict";
  var wrappers = [];
  document.querySelectorAll(".lb-table-scroll > table.lb-results").forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      var copy = th.cloneNode(true);
      copy.querySelectorAll("small").forEach(function (e) { e.remove(); });
      return copy.textContent.replace(/\s+/g, " ").trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, column) {
        if (names[column]) { cell.setAttribute("data-label", names[column]); }
        if (!cell.classList.contains("num") && !cell.classList.contains("lb-links-col")) {
          cell.classList.add("lb-row-label");
        }
      });
    });
    wrappers.push(table.parentNode);
  });
  function fit() {
    wrappers.forEach(function (wrapper) {
      wrapper.classList.remove("lb-cards");
      if (wrapper.scrollWidth > wrapper.clientWidth + 1) { wrapper.classList.add("lb-cards"); }
    });
    document.querySelectorAll(".lb-table-scroll, main table, .lb-figure-frame").forEach(function (e) {
      if (e.matches(".lb-table-scroll > table")) { return; }
      e.classList.toggle("lb-overflowing", e.scrollWidth > e.clientWidth + 1);
    });
  }
  fit();
  window.addEventListener("resize", fit);
  // A table in a folded answer or key has no width until it is unfolded.
  document.addEventListener("toggle", fit, true);
})();
// Navigation as readers of Quarto and Jupyter Book expect: a link on every section heading
// (shown on hover and focus), the section list marking where the reader is, and Escape
// closing the chapter menu and the search results.
(function () {
  "use strict";
  var headings = Array.prototype.slice.call(document.querySelectorAll("main :is(h2, h3)[id]"));
  headings.forEach(function (heading) {
    var link = document.createElement("a");
    link.className = "lb-anchor";
    link.href = "#" + heading.id;
    link.setAttribute("aria-label", "Link to this section");
    link.textContent = "#";
    heading.appendChild(link);
  });
  // The section list: the heading last scrolled past the top third of the screen is current.
  var links = {};
  document.querySelectorAll(".lb-toc a[href^='#'], .lb-menu a[href^='#']").forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    (links[id] = links[id] || []).push(a);
  });
  var current = null;
  function track() {
    var line = window.innerHeight / 3;
    var here = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top > line) { break; }
      if (links[headings[i].id]) { here = headings[i].id; }
    }
    if (here === current) { return; }
    (links[current] || []).forEach(function (a) { a.classList.remove("lb-here"); a.removeAttribute("aria-current"); });
    (links[here] || []).forEach(function (a) { a.classList.add("lb-here"); a.setAttribute("aria-current", "location"); });
    current = here;
  }
  var pending = false;
  window.addEventListener("scroll", function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; track(); });
  }, { passive: true });
  track();
  // Escape closes the open chapter menu (focus back on its button) and the search results;
  // a click elsewhere closes the menu too.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll("details.lb-menu[open]").forEach(function (menu) {
      var inside = menu.contains(document.activeElement);
      menu.open = false;
      if (inside) { menu.querySelector("summary").focus(); }
    });
    var search = document.querySelector(".lb-search.lb-searching");
    if (search) {
      var input = search.querySelector("input");
      input.value = "";
      input.dispatchEvent(new Event("input"));
      if (search.contains(document.activeElement)) { input.focus(); }
    }
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.lb-menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.open = false; }
    });
  });
})();
// "Open Figure N full size": with the script, a view of its own instead of the bare SVG —
// the figure fitted to the screen, or on a phone at least large enough that its smallest
// text reads at 9 px (panned sideways; pinch zoom enlarges further), its number and caption,
// and a way back: the button, Escape, or the browser's Back button (the view is a history
// entry). Without the script the link opens the SVG file as before.
(function () {
  "use strict";
  var links = document.querySelectorAll("a.lb-figure-open");
  if (links.length === 0 || typeof HTMLDialogElement !== "function") { return; }
  // Made on first use, so a page nobody opens a figure on carries no empty view.
  var viewer = null, image, title, caption, back, opener = null;
  function close() { if (viewer && viewer.open) { viewer.close(); } }
  function make() {
    viewer = document.createElement("dialog");
    viewer.className = "lb-viewer";
    viewer.innerHTML = '<div class="lb-viewer-bar"><button type="button" class="lb-viewer-back">← Back to the text</button>' +
      '<span class="lb-viewer-title"></span></div><div class="lb-viewer-figure"><img alt=""></div>' +
      '<div class="lb-viewer-caption"></div>';
    document.body.appendChild(viewer);
    image = viewer.querySelector("img");
    title = viewer.querySelector(".lb-viewer-title");
    caption = viewer.querySelector(".lb-viewer-caption");
    back = viewer.querySelector(".lb-viewer-back");
    viewer.addEventListener("close", function () {
      if (history.state && history.state.lbViewer) { history.back(); }
      if (opener) { opener.focus(); }
    });
    back.addEventListener("click", close);
  }
  window.addEventListener("popstate", close);
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", function (event) {
      var figure = link.closest("figure");
      if (!figure || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      event.preventDefault();
      if (!viewer) { make(); }
      var shown = figure.querySelector("img");
      var number = figure.querySelector(".lb-fignum");
      var text = figure.querySelector("figcaption").cloneNode(true);
      text.querySelectorAll(".lb-figure-open").forEach(function (e) { e.remove(); });
      // A phone that shows a grid's one-column layout opens that layout.
      var narrow = shown && /\.narrow\.svg$/.test(shown.currentSrc);
      image.src = narrow ? shown.currentSrc : link.getAttribute("href");
      image.alt = shown ? shown.alt : "";
      title.textContent = number ? number.textContent : "";
      viewer.setAttribute("aria-label", (number ? number.textContent : "Figure") + ", full size");
      caption.innerHTML = "";
      caption.appendChild(text);
      opener = link;
      viewer.showModal();
      // Fitted, unless that would draw its smallest text (11 px in the figure) below 9 px, as
      // a wide figure on a phone would: then at that scale (and 2 % more), panned sideways.
      var natural = narrow ? shown.naturalWidth : shown ? Number(shown.getAttribute("width")) : 0;
      var readable = natural * 9.2 / 11;
      var pan = readable > image.parentNode.clientWidth;
      image.classList.toggle("lb-pan", pan);
      image.style.width = pan ? Math.ceil(readable) + "px" : "";
      back.focus();
      history.pushState({ lbViewer: figure.id }, "");
    });
  });
})();

// Present mode, for projecting a chapter: the "Present" button or `?present` in the address.
// One section (an h2 and what follows it, the chapter's title first) fills the screen at a
// time, text large, figures as wide as the screen allows; → / PageDown / Space go to the
// next section, ← / PageUp to the previous, A opens (or folds) the section's instructor
// answers, Escape leaves. The address keeps `?present`, so a reload stays in the mode.
(function () {
  "use strict";
  var main = document.querySelector("body.lb-chapter-page main");
  if (!main || !main.querySelector(":scope > h2")) { return; }
  var sections = [[]];
  Array.prototype.forEach.call(main.children, function (element) {
    if (element.matches(".lb-pager-top")) { return; }
    if (element.tagName === "H2") { sections.push([]); }
    sections[sections.length - 1].push(element);
  });
  var root = document.documentElement;
  var current = 0;
  var status = document.createElement("p");
  status.className = "lb-present-status";
  status.setAttribute("aria-live", "polite");
  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "lb-present-toggle";
  toggle.textContent = "Present";
  toggle.setAttribute("aria-pressed", "false");
  main.insertBefore(toggle, main.firstChild);
  main.appendChild(status);
  function show(index) {
    current = Math.max(0, Math.min(sections.length - 1, index));
    sections.forEach(function (elements, i) {
      elements.forEach(function (e) { e.classList.toggle("lb-present-off", i !== current); });
    });
    status.textContent = "Section " + (current + 1) + " of " + sections.length +
      " · ← → to move · A answers · Esc to leave";
    window.scrollTo(0, 0);
    var heading = sections[current][0];
    if (heading && heading.tagName === "H2") {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
  function address(on) {
    var url = new URL(window.location.href);
    if (on) { url.searchParams.set("present", ""); } else { url.searchParams.delete("present"); }
    history.replaceState(history.state, "", url.href.replace("present=", "present"));
  }
  // The section the reader is looking at (its heading above the top third of the screen).
  function here() {
    var start = 0;
    sections.forEach(function (elements, i) {
      if (i > 0 && elements[0].getBoundingClientRect().top < window.innerHeight / 3) { start = i; }
    });
    return start;
  }
  function enter(start) {
    root.classList.add("lb-presenting");
    toggle.setAttribute("aria-pressed", "true");
    toggle.textContent = "Leave present mode";
    show(start);
    address(true);
  }
  function leave() {
    root.classList.remove("lb-presenting");
    toggle.setAttribute("aria-pressed", "false");
    toggle.textContent = "Present";
    document.querySelectorAll(".lb-present-off").forEach(function (e) { e.classList.remove("lb-present-off"); });
    status.textContent = "";
    address(false);
    var heading = sections[current][0];
    if (heading) { heading.scrollIntoView(); }
    toggle.focus();
  }
  toggle.addEventListener("click", function () {
    if (root.classList.contains("lb-presenting")) { leave(); } else { enter(here()); }
  });
  document.addEventListener("keydown", function (event) {
    if (!root.classList.contains("lb-presenting") || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable], dialog")) { return; }
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || key === " ") {
      show(current + 1);
    } else if (key === "ArrowLeft" || key === "PageUp") {
      show(current - 1);
    } else if (key === "a" || key === "A") {
      var answers = [];
      sections[current].forEach(function (e) {
        if (e.matches("details.lb-answer")) { answers.push(e); }
        answers = answers.concat(Array.prototype.slice.call(e.querySelectorAll("details.lb-answer")));
      });
      var open = answers.some(function (d) { return !d.open; });
      answers.forEach(function (d) { d.open = open; });
    } else if (key === "Escape") {
      leave();
    } else {
      return;
    }
    event.preventDefault();
  });
  // Opened with ?present: from the chapter's start, or from the section its address names.
  if (new URLSearchParams(window.location.search).has("present")) {
    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    var start = 0;
    sections.forEach(function (elements, i) {
      if (target && elements.some(function (e) { return e === target || e.contains(target); })) { start = i; }
    });
    enter(start);
  }
})();
