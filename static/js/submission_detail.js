(() => {
  const toggle = document.getElementById("show-faces");
  toggle?.addEventListener("change", () => {
    document.querySelectorAll("#preview-images figure").forEach((fig) => {
      const faces = fig.querySelector(".faces-img"), plain = fig.querySelector(".plain-img");
      if (!faces) return;
      faces.classList.toggle("d-none", !toggle.checked);
      plain.classList.toggle("d-none", toggle.checked);
    });
  });
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const canvas = document.getElementById("likes-chart");
  if (!window.Chart || !canvas) return;
  const labels = data.recent.map((p) => p.label);
  const n = labels.length;
  labels.push("This post");
  const pad = (value) => Array(n).fill(null).concat([value]);
  const datasets = [{type: "line", label: "Recent posts", data: data.recent.map((p) => p.likes).concat([null]),
                     borderColor: "#6c757d", backgroundColor: "#6c757d", tension: 0.25}];
  if (data.prediction) {
    datasets.push({type: "bar", label: "80% interval", data: pad([data.prediction.low, data.prediction.high]),
                   backgroundColor: "rgba(13,110,253,.25)", borderColor: "rgba(13,110,253,.6)", borderWidth: 1});
    datasets.push({type: "line", label: "Predicted", data: pad(data.prediction.p50), pointRadius: 7,
                   borderColor: "#0d6efd", backgroundColor: "#0d6efd", showLine: false});
  }
  if (data.actual !== null && data.actual !== undefined) {
    datasets.push({type: "line", label: "Actual", data: pad(data.actual), pointRadius: 7, pointStyle: "rectRot",
                   borderColor: "#198754", backgroundColor: "#198754", showLine: false});
  }
  if (data.mean) {
    datasets.push({type: "line", label: "Account mean", data: Array(n + 1).fill(data.mean), borderDash: [6, 4],
                   borderColor: "#adb5bd", pointRadius: 0, borderWidth: 1});
  }
  new Chart(canvas, {data: {labels, datasets}, options: {animation: false, responsive: true,
    scales: {y: {beginAtZero: true, title: {display: true, text: "likes"}}}, plugins: {legend: {position: "bottom"}}}});
})();
