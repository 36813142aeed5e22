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
  }
})();
