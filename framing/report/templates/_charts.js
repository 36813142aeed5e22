(function () {
  "use strict";
  if (typeof Plotly === "undefined") {
    return;
  }
  var nodes = document.querySelectorAll("div.chart[data-payload]");
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var source = document.getElementById(node.getAttribute("data-payload"));
    if (source === null) {
      continue;
    }
    var spec = JSON.parse(source.textContent);
    Plotly.newPlot(node, spec.data, spec.layout, spec.config);
    if (node.id === "chart-heatmap" || node.id === "chart-bars") {
      node.on("plotly_click", showCell);
    }
  }

  // A click on a heatmap cell or a bar shows the evidence panel of that
  // outlet and frame; panels are rendered (and escaped) by the server and
  // shown with the :target selector, so the same links work without a mouse.
  function showCell(event) {
    var point = event && event.points && event.points[0];
    if (!point) {
      return;
    }
    var outlet, frame;
    if (point.data.type === "heatmap") {
      frame = point.pointIndex[0];
      outlet = point.pointIndex[1];
    } else {
      frame = point.curveNumber;
      outlet = point.pointNumber;
    }
    var panel = document.getElementById("cell-" + outlet + "-" + frame);
    if (panel !== null) {
      window.location.hash = panel.id;
      panel.focus();
    }
  }
})();
