// The evidence explorer: shows one page of the cited sentences for the
// chosen outlet and frame. The sentences come from the JSON payload in
// #evidence-data and are built with DOM methods and textContent only, so
// article text is never parsed as markup.
(function () {
  "use strict";
  var source = document.getElementById("evidence-data");
  var form = document.getElementById("explore-filters");
  if (source === null || form === null) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var outletSelect = document.getElementById("explore-outlet");
  var frameSelect = document.getElementById("explore-frame");
  var originSelect = document.getElementById("explore-origin");
  var status = document.getElementById("explore-status");
  var results = document.getElementById("explore-results");
  var pager = document.getElementById("explore-pager");
  var pageLabel = document.getElementById("explore-page");
  var prev = document.getElementById("explore-prev");
  var next = document.getElementById("explore-next");
  var size = data.pageSize;
  var page = 0;
  var CELL = /^#cell-(\d+)-(\d+)$/;

  function chosen(select) {
    return select === null || select.value === "" ? null : select.value;
  }

  // The sentences that pass the filters: rank by rank across the chosen
  // cells, so the first page shows each outlet's strongest sentences.
  function selection() {
    var outlet = chosen(outletSelect), frame = chosen(frameSelect), origin = chosen(originSelect);
    var cells = data.cells.filter(function (cell) {
      return (outlet === null || cell.outlet === Number(outlet)) &&
        (frame === null || cell.frame === Number(frame));
    });
    var items = [];
    var depth = 0;
    cells.forEach(function (cell) { depth = Math.max(depth, cell.items.length); });
    for (var rank = 0; rank < depth; rank++) {
      cells.forEach(function (cell) {
        var item = cell.items[rank];
        if (item !== undefined && (origin === null || item[2] === origin)) {
          items.push({cell: cell, item: item});
        }
      });
    }
    return {cells: cells, items: items, single: cells.length === 1 ? cells[0] : null};
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function sentence(entry, single) {
    var item = entry.item, cell = entry.cell;
    var li = element("li");
    var quote = element("blockquote");
    item[0].forEach(function (segment) {
      if (segment.length === 1) {
        quote.appendChild(document.createTextNode(segment[0]));
        return;
      }
      var mark = element("mark", segment[2] ? "hit negated" : "hit", segment[0]);
      mark.setAttribute("tabindex", "0");
      mark.setAttribute("aria-description", segment[1]);
      quote.appendChild(mark);
    });
    li.appendChild(quote);
    var doc = data.documents[item[1]];
    var parts = [];
    if (!single) {
      parts.push(data.outlets[cell.outlet].name + " \u00b7 " + data.frames[cell.frame]);
    }
    if (item[3]) {
      parts.push("Quoting " + item[3]);
    }
    parts.push(doc[0] + (doc[1] ? ", " + doc[1] : ""));
    var cite = element("p", "cite", parts.join(" \u00b7 "));
    if (item[2]) {
      cite.appendChild(document.createTextNode(" "));
      cite.appendChild(element("span", "tag " + item[2], item[2]));
    }
    li.appendChild(cite);
    return li;
  }

  function describe(found) {
    var cell = found.single;
    var shown = found.items.length;
    if (cell !== null) {
      var outlet = data.outlets[cell.outlet];
      var head = outlet.name + " \u00b7 " + data.frames[cell.frame] + ": " + cell.n + " of " +
        outlet.n + " sentences (" + cell.share + ") invoke this frame.";
      if (cell.n === 0) {
        return outlet.name + " \u00b7 " + data.frames[cell.frame] + ": no sentence from " +
          outlet.name + " invokes this frame.";
      }
      if (shown === 0) {
        return head + " None of the sentences cited here matches the chosen copy.";
      }
      return head + (shown < cell.n ? " The report keeps the " + shown + " strongest." : "");
    }
    if (shown === 0) {
      return "No sentence matches these choices.";
    }
    return shown + (shown === 1 ? " sentence matches" : " sentences match") +
      " these choices, the strongest of each outlet and frame first.";
  }

  function render() {
    var found = selection();
    var pages = Math.max(1, Math.ceil(found.items.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    var first = page * size;
    var slice = found.items.slice(first, first + size);
    status.textContent = describe(found) + (slice.length ? " Showing " + (first + 1) + "\u2013" +
      (first + slice.length) + " of " + found.items.length + "." : "");
    while (results.firstChild) {
      results.removeChild(results.firstChild);
    }
    slice.forEach(function (entry) {
      results.appendChild(sentence(entry, found.single !== null));
    });
    results.setAttribute("start", String(first + 1));
    pager.hidden = pages < 2;
    pageLabel.textContent = "Page " + (page + 1) + " of " + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function remember() {
    var outlet = chosen(outletSelect), frame = chosen(frameSelect);
    var hash = outlet !== null && frame !== null ? "#cell-" + outlet + "-" + frame : "#explore";
    if (window.location.hash !== hash && window.history && window.history.replaceState) {
      try {
        window.history.replaceState(null, "", hash);
      } catch (error) {
        // Some browsers refuse history changes on file: URLs; the filters still work.
      }
    }
  }

  function showCell(outlet, frame) {
    if (outlet >= data.outlets.length || frame >= data.frames.length) {
      return;
    }
    outletSelect.value = String(outlet);
    frameSelect.value = String(frame);
    if (originSelect !== null) {
      originSelect.value = "";
    }
    page = 0;
    render();
    remember();
    status.focus();
  }

  function fromHash() {
    var match = CELL.exec(window.location.hash);
    if (match !== null) {
      showCell(Number(match[1]), Number(match[2]));
    }
  }

  function changed() {
    page = 0;
    render();
    remember();
  }

  form.hidden = false;
  [outletSelect, frameSelect, originSelect].forEach(function (select) {
    if (select !== null) {
      select.addEventListener("change", changed);
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  prev.addEventListener("click", function () { page -= 1; render(); status.focus(); });
  next.addEventListener("click", function () { page += 1; render(); status.focus(); });
  window.addEventListener("hashchange", fromHash);
  // A link to the cell already in the address bar changes no hash; show it anyway.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#cell-']") : null;
    if (link !== null && link.getAttribute("href") === window.location.hash) {
      fromHash();
    }
  });
  document.addEventListener("framing:show-cell", function (event) {
    showCell(event.detail.outlet, event.detail.frame);
  });
  render();
  fromHash();
})();
