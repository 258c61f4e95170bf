  const growth = JSON.parse(document.getElementById("growth-data").textContent);
  new Chart(document.getElementById("growth-chart"), {
    type: "line",
    data: {labels: growth.labels, datasets: [{label: "Followers", data: growth.followers, tension: 0.2}]},
    options: {plugins: {legend: {display: false}}, scales: {y: {beginAtZero: false}}}
  });
