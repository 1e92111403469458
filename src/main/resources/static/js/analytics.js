// The analytics dashboard's charts, drawn with Chart.js (served by the app) from the JSON the page
// names in data-url. Labels come from the page in its language; clicking a bar or a point opens the
// accounts behind it. Without JavaScript the tables below the charts carry the same numbers and links.
(function () {
  'use strict';

  function drillUrl(base, month, detail) {
    var url = new URL(base, window.location.href);
    url.searchParams.set('month', month);
    url.searchParams.set('detail', detail);
    return url.toString();
  }

  function numbers(list) {
    return list.map(function (value) { return value === null ? null : Number(value); });
  }

  function negative(list) {
    return list.map(function (value) { return value === null ? null : -Number(value); });
  }

  function draw(container, data) {
    var label = function (key) { return container.getAttribute('data-label-' + key); };
    var locale = container.getAttribute('data-locale') || undefined;
    var money = new Intl.NumberFormat(locale, { style: 'currency', currency: data.currency, maximumFractionDigits: 0 });
    var percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    var integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    var drill = container.getAttribute('data-drill');
    var months = data.months;
    var common = function (format, details) {
      return {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: true },
        onClick: function (event, elements) {
          if (elements.length) {
            var element = elements[0];
            window.location.href = drillUrl(drill, months[element.index], details[element.datasetIndex]);
          }
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
        },
        plugins: {
          tooltip: { callbacks: { label: function (item) {
            return item.dataset.label + ': ' + format(Math.abs(item.raw));
          } } }
        },
        scales: { y: { ticks: { callback: function (value) { return format(value); } } } }
      };
    };

    var series = data.series;
    var movements = common(function (v) { return money.format(v); },
      ['new', 'expansion', 'reactivation', 'contraction', 'churn', 'customers']);
    movements.scales = {
      x: { stacked: true },
      y: { stacked: true, ticks: { callback: function (v) { return money.format(v); } } },
      mrr: { position: 'right', grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return money.format(v); } } }
    };
    new window.Chart(document.getElementById('chart-movements'), {
      data: {
        labels: months,
        datasets: [
          { type: 'bar', label: label('new'), data: numbers(series.movements['new']), backgroundColor: '#2e7d4f', stack: 'm' },
          { type: 'bar', label: label('expansion'), data: numbers(series.movements.expansion), backgroundColor: '#6fbf73', stack: 'm' },
          { type: 'bar', label: label('reactivation'), data: numbers(series.movements.reactivation), backgroundColor: '#1d6a96', stack: 'm' },
          { type: 'bar', label: label('contraction'), data: negative(series.movements.contraction), backgroundColor: '#e0a03a', stack: 'm' },
          { type: 'bar', label: label('churn'), data: negative(series.movements.churn), backgroundColor: '#c0392b', stack: 'm' },
          { type: 'line', label: label('mrr'), data: numbers(series.mrr), borderColor: '#333', backgroundColor: '#333', yAxisID: 'mrr', pointRadius: 2 }
        ]
      },
      options: movements
    });

    new window.Chart(document.getElementById('chart-retention'), {
      type: 'line',
      data: {
        labels: months,
        datasets: [
          { label: label('nrr'), data: numbers(series.nrr), borderColor: '#1d6a96', backgroundColor: '#1d6a96', spanGaps: true },
          { label: label('grr'), data: numbers(series.grr), borderColor: '#6fbf73', backgroundColor: '#6fbf73', spanGaps: true }
        ]
      },
      options: common(function (v) { return percent.format(v); }, ['retention', 'retention'])
    });

    new window.Chart(document.getElementById('chart-churn'), {
      type: 'line',
      data: {
        labels: months,
        datasets: [
          { label: label('logo-churn'), data: numbers(series.logoChurnRate), borderColor: '#c0392b', backgroundColor: '#c0392b', spanGaps: true },
          { label: label('gross-churn'), data: numbers(series.grossMrrChurnRate), borderColor: '#e0a03a', backgroundColor: '#e0a03a', spanGaps: true },
          { label: label('net-churn'), data: numbers(series.netMrrChurnRate), borderColor: '#555', backgroundColor: '#555', spanGaps: true }
        ]
      },
      options: common(function (v) { return percent.format(v); }, ['churn', 'churn', 'churn'])
    });

    new window.Chart(document.getElementById('chart-customers'), {
      type: 'line',
      data: {
        labels: months,
        datasets: [
          { label: label('customers'), data: series.customers, borderColor: '#1d6a96', backgroundColor: '#1d6a96' }
        ]
      },
      options: (function () {
        var options = common(function (v) { return integer.format(v); }, ['customers']);
        options.scales.y.ticks.precision = 0;
        return options;
      }())
    });
    var surveys = common(function (v) { return integer.format(v); }, ['nps', 'csat']);
    surveys.scales = {
      y: { min: -100, max: 100, ticks: { callback: function (v) { return integer.format(v); } } },
      csat: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false },
        ticks: { callback: function (v) { return percent.format(v); } } }
    };
    surveys.plugins.tooltip.callbacks.label = function (item) {
      return item.dataset.label + ': ' + (item.dataset.yAxisID === 'csat' ? percent.format(item.raw) : integer.format(item.raw));
    };
    var answers = container.getAttribute('data-answers');
    surveys.onClick = function (event, elements) {
      if (elements.length) {
        var url = new URL(answers, window.location.href);
        url.searchParams.set('month', months[elements[0].index]);
        url.searchParams.set('kind', elements[0].datasetIndex === 0 ? 'NPS' : 'CSAT');
        window.location.href = url.toString();
      }
    };
    new window.Chart(document.getElementById('chart-surveys'), {
      type: 'line',
      data: {
        labels: months,
        datasets: [
          { label: label('nps'), data: numbers(series.nps), borderColor: '#1d6a96', backgroundColor: '#1d6a96', spanGaps: true },
          { label: label('csat'), data: numbers(series.csat), borderColor: '#e0a03a', backgroundColor: '#e0a03a', spanGaps: true, yAxisID: 'csat' }
        ]
      },
      options: surveys
    });
    container.setAttribute('data-drawn', 'true');
  }

  // Printed pages are narrower than the screen: let every chart take the printed width (Chart.js's advice).
  window.addEventListener('beforeprint', function () {
    if (window.Chart) {
      Object.values(window.Chart.instances).forEach(function (chart) { chart.resize(); });
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var container = document.getElementById('charts');
    if (!container || !window.Chart) {
      return;
    }
    fetch(container.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) { draw(container, data); })
      .catch(function () { container.setAttribute('data-drawn', 'failed'); });
  });
}());
