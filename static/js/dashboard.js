// The dashboard's charts: options come from the server (json_script); clicking a point that
// carries a url opens the records behind it. The same figures are in tables, which screen
// readers always reach and which everyone can choose instead of the charts.
(function () {
  "use strict";
  var options = JSON.parse(document.getElementById("dashboard-charts").textContent);
  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var option = options[el.dataset.chart];
    if (!option) { el.remove(); return; }
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(option);
    chart.on("click", function (params) {
      if (params.data && params.data.url) { window.location.href = params.data.url; }
    });
    charts.push(chart);
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });

  var button = document.getElementById("toggle-tables");
  var tables = document.querySelectorAll(".chart-table");
  var label = button.querySelector("span");
  var showLabel = label.textContent;
  function apply(asTables) {
    document.body.classList.toggle("dashboard-tables", asTables);
    tables.forEach(function (t) { t.classList.toggle("visually-hidden", !asTables); });
    button.setAttribute("aria-pressed", asTables ? "true" : "false");
    label.textContent = asTables ? button.dataset.chartsLabel : showLabel;
    if (!asTables) { charts.forEach(function (c) { c.resize(); }); }
  }
  button.addEventListener("click", function () {
    var asTables = !document.body.classList.contains("dashboard-tables");
    try { localStorage.setItem("anbiao.dashboard.tables", asTables ? "1" : "0"); } catch (e) { /* private mode */ }
    apply(asTables);
  });
  var saved = null;
  try { saved = localStorage.getItem("anbiao.dashboard.tables"); } catch (e) { /* private mode */ }
  apply(saved === "1");
})();
