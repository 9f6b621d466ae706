// Draws the dashboard's charts with the vendored ECharts from the figures the page embeds
// (#stats-charts, labels already in the UI language). The tables below each chart hold the
// same numbers, so nothing is lost without JavaScript.
(function () {
  "use strict";
  function start() {
    var source = document.getElementById("stats-charts");
    if (!source || typeof echarts === "undefined") return;
    var data = JSON.parse(source.textContent);
    var locale = document.documentElement.lang === "en" ? "EN" : "ZH";
    var build = {
      categories: function (d) {
        return { tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
                 series: [{ type: "pie", radius: ["35%", "65%"], name: d.title, data: d.data }] };
      },
      regions: function (d) {
        return { tooltip: { trigger: "axis" }, grid: { left: 48, right: 16, bottom: 80 },
                 xAxis: { type: "category", data: d.labels, axisLabel: { rotate: 60, interval: 0 } },
                 yAxis: { type: "value" }, series: [{ type: "bar", name: d.title, data: d.values }] };
      },
      months: function (d) {
        return { tooltip: { trigger: "axis" }, legend: {}, xAxis: { type: "category", data: d.labels },
                 yAxis: { type: "value" },
                 series: d.series.map(function (s) { return { type: "line", name: s.name, data: s.values }; }) };
      },
      years: function (d) {
        return { tooltip: { trigger: "axis" }, legend: {}, xAxis: { type: "category", data: d.labels },
                 yAxis: [{ type: "value" }, { type: "value", axisLabel: { formatter: "{value}%" } }],
                 series: [{ type: "bar", name: d.count_name, data: d.counts },
                          { type: "line", name: d.growth_name, yAxisIndex: 1, data: d.growth }] };
      },
      software: function (d) {
        return { tooltip: { trigger: "axis" }, xAxis: { type: "category", data: d.labels },
                 yAxis: { type: "value" }, series: [{ type: "bar", name: d.name, data: d.values }] };
      },
      processing: function (d) {
        return { tooltip: { trigger: "axis" }, legend: {}, xAxis: { type: "category", data: d.labels },
                 yAxis: { type: "value" },
                 series: d.series.map(function (s) { return { type: "bar", name: s.name, data: s.values }; }) };
      }
    };
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var make = build[el.dataset.chart];
      if (!make || !data[el.dataset.chart]) return;
      var chart = echarts.init(el, null, { locale: locale });
      chart.setOption(make(data[el.dataset.chart]));
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
