/* Resources: the host's and the runtime's resources charted from resources.json every five seconds. */
(function () {
  'use strict';
  var live = document.getElementById('fog-resources-live');
  if (!live || typeof uPlot === 'undefined') {
    return;
  }
  var feed = live.getAttribute('data-feed');
  var RESOURCES = ['CPU', 'MEMORY', 'DISK', 'NETWORK'];
  var COLORS = { CPU: '#c0392b', MEMORY: '#2e8b57', DISK: '#4682b4', NETWORK: '#8e44ad' };
  var chart = null;
  var updates = 0;

  function render(data) {
    var columns = [data.time].concat(RESOURCES.map(function (resource) { return data[resource]; }));
    RESOURCES.forEach(function (resource) {
      var values = data[resource];
      var last = values.length ? values[values.length - 1] : null;
      var card = document.getElementById('fog-resource-' + resource);
      if (card) {
        card.textContent = last === null ? 'n/a' : last.toFixed(1) + ' %';
      }
    });
    if (chart === null) {
      var element = document.getElementById('fog-chart-resources');
      chart = new uPlot({
        width: Math.max(320, Math.min(1200, (element.clientWidth || live.clientWidth || 800) - 10)),
        height: 240,
        scales: { x: { time: true }, y: { range: [0, 100] } },
        series: [{}].concat(RESOURCES.map(function (resource) {
          return { label: resource, stroke: COLORS[resource], width: 2, spanGaps: false };
        })),
        axes: [{}, { size: 50 }]
      }, columns, element);
    } else {
      chart.setData(columns);
    }
    updates += 1;
    live.setAttribute('data-updates', String(updates));
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
      .catch(function () { /* the next round tries again */ });
  }

  update();
  window.setInterval(update, 5000);
}());
