(function () {
  "use strict";
  if (typeof Plotly === "undefined") {
    return;
  }
  var nodes = document.querySelectorAll("div.chart[data-payload]");
  var charts = [];
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var source = document.getElementById(node.getAttribute("data-payload"));
    if (source === null) {
      continue;
    }
    var spec = JSON.parse(source.textContent);
    Plotly.newPlot(node, spec.data, spec.layout, spec.config).then(fitNarrow);
    charts.push(node);
    if (node.id === "chart-heatmap" || node.id === "chart-bars") {
      node.on("plotly_click", showCell);
    }
  }

  // On a phone the frame labels and the colour scale leave a heatmap's cells
  // too narrow for their percentages ("15%11%"): the scale folds away, and
  // cells still narrower than a label keep their numbers for the tooltip and
  // the share table. Redone when the window is resized.
  var NARROW = 600;
  var MIN_CELL = 38;
  function fitNarrow(node) {
    var trace = node.data && node.data[0];
    if (!trace || trace.type !== "heatmap" || trace.texttemplate === undefined) {
      return;
    }
    if (node._framingText === undefined) {
      node._framingText = trace.texttemplate;
    }
    var narrow = node.getBoundingClientRect().width < NARROW;
    Plotly.restyle(node, {showscale: !narrow}).then(function () {
      var size = node._fullLayout && node._fullLayout._size;
      var columns = (trace.x && trace.x.length) || 1;
      var fits = !narrow || (size && size.w / columns >= MIN_CELL);
      var wanted = fits ? node._framingText : "";
      if (trace.texttemplate !== wanted) {
        Plotly.restyle(node, {texttemplate: wanted});
      }
    });
  }
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      charts.forEach(fitNarrow);
    }, 150);
  });

  // A browser lays a printed page out at the paper's width, which a chart
  // drawn for a wide screen overflows (and the browser then shrinks the
  // whole page to fit). Charts are redrawn at a width that fits A4 and
  // Letter for the print, and at the window's width after it.
  var PRINT_WIDTH = 680;
  window.addEventListener("beforeprint", function () {
    charts.forEach(function (chart) {
      if (chart.getBoundingClientRect().width > PRINT_WIDTH) {
        Plotly.relayout(chart, {width: PRINT_WIDTH});
      }
    });
  });
  window.addEventListener("afterprint", function () {
    charts.forEach(function (chart) {
      Plotly.relayout(chart, {width: null});
    });
  });

  // A click on a heatmap cell or a bar shows that outlet's sentences for
  // that frame in the evidence explorer (_explorer.js).
  function showCell(event) {
    var point = event && event.points && event.points[0];
    if (!point) {
      return;
    }
    var detail;
    if (point.data.type === "heatmap") {
      detail = {frame: point.pointIndex[0], outlet: point.pointIndex[1]};
    } else {
      detail = {frame: point.curveNumber, outlet: point.pointNumber};
    }
    document.dispatchEvent(new CustomEvent("framing:show-cell", {detail: detail}));
  }
})();
