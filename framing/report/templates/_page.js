// Behaviour of the page itself, apart from the charts and the explorer.
(function () {
  "use strict";

  // Printing: folded parts a reader of paper could not unfold (the glossary,
  // the numbers behind each chart, denied frames) open for the print and
  // fold again after it.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details.print-open:not([open])");
    for (var i = 0; i < folded.length; i++) {
      folded[i].open = true;
      opened.push(folded[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) {
      opened.pop().open = false;
    }
  });

  // A table wider than the screen scrolls sideways in its box. Keyboard
  // users can scroll the box only if it takes focus, so such a box does,
  // named by the table's caption; boxes that fit stay out of the tab order.
  function scrollableTables() {
    var boxes = document.querySelectorAll(".table-wrap");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var caption = box.querySelector("caption");
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent : "Table");
      } else if (box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }
  var pending = null;
  function later() {
    if (pending === null) {
      pending = window.setTimeout(function () {
        pending = null;
        scrollableTables();
      }, 100);
    }
  }
  window.addEventListener("resize", later);
  document.addEventListener("toggle", later, true);
  scrollableTables();
})();
