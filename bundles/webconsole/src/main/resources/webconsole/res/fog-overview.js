/* Overview: cards and charts refreshed from overview.json every two seconds. */
(function () {
  'use strict';
  var live = document.getElementById('fog-overview-live');
  if (!live || typeof uPlot === 'undefined') {
    return;
  }
  var feed = live.getAttribute('data-feed');
  var STATUSES = ['ACTIVE', 'IDLE', 'BUSY', 'SUSPECT', 'OFFLINE', 'MAINTENANCE'];
  var COLORS = { ACTIVE: '#2e8b57', IDLE: '#4682b4', BUSY: '#daa520', SUSPECT: '#ff8c00', OFFLINE: '#c0392b',
    MAINTENANCE: '#7f7f7f' };
  var statusChart = null;
  var throughputChart = null;
  var updates = 0;

  function setText(id, value) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = value;
    }
  }

  function chartWidth(element) {
    return Math.max(320, Math.min(1200, (element.clientWidth || live.clientWidth || 800) - 10));
  }

  function makeChart(id, series, data) {
    var element = document.getElementById(id);
    return new uPlot({
      width: chartWidth(element),
      height: 220,
      scales: { x: { time: true } },
      series: [{}].concat(series),
      axes: [{}, { size: 50 }]
    }, data, element);
  }

  function render(data) {
    var series = data.series;
    setText('fog-nodes-total', String(data.nodes));
    setText('fog-cpu-free', data.freeCpu + ' / ' + data.totalCpu + ' cores');
    setText('fog-memory-free', data.freeMemoryMb + ' / ' + data.totalMemoryMb + ' MB');
    setText('fog-tasks-running', String(data.runningTasks));
    setText('fog-tasks-assigned', String(data.assignedTasks));
    setText('fog-tasks-pending', String(data.pendingTasks));
    Object.keys(data.byStatus).forEach(function (status) {
      setText('fog-status-' + status, String(data.byStatus[status]));
    });
    Object.keys(data.byType).forEach(function (type) {
      setText('fog-type-' + type, String(data.byType[type]));
    });
    var statusData = [series.time].concat(STATUSES.map(function (status) { return series[status]; }));
    var throughputData = [series.time, series.routedPerSecond];
    if (statusChart === null) {
      statusChart = makeChart('fog-chart-status', STATUSES.map(function (status) {
        return { label: status, stroke: COLORS[status], width: 2 };
      }), statusData);
      throughputChart = makeChart('fog-chart-throughput', [{ label: 'tasks routed / s', stroke: '#8e44ad',
        fill: 'rgba(142, 68, 173, 0.1)', width: 2 }], throughputData);
    } else {
      statusChart.setData(statusData);
      throughputChart.setData(throughputData);
    }
    updates += 1;
    live.setAttribute('data-updates', String(updates));
    setText('fog-updated', data.takenAt);
  }

  function update() {
    fetch(feed, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(render)
      .catch(function (error) {
        setText('fog-updated', 'update failed (' + error.message + '), retrying');
      });
  }

  update();
  window.setInterval(update, 2000);
}());
