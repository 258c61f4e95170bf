(function () {
  const rows = JSON.parse(document.getElementById("breakdown-data").textContent);
  new Chart(document.getElementById("breakdown-chart"), {type: "doughnut",
    data: {labels: rows.map(r => r[0]), datasets: [{data: rows.map(r => r[1]),
      backgroundColor: ["#fd7e14", "#6f42c1", "#dc3545", "#198754"]}]},
    options: {plugins: {legend: {position: "bottom"}}}});
  const history = JSON.parse(document.getElementById("history-data").textContent);
  new Chart(document.getElementById("history-chart"), {type: "line",
    data: {labels: history.map(h => h.label), datasets: [{label: "Quality score", data: history.map(h => h.score),
      borderColor: "#0d6efd", tension: 0.2}]},
    options: {scales: {y: {min: 0, max: 100}}, plugins: {legend: {display: false}}}});
})();
