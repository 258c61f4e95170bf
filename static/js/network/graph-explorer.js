/* Influence graph explorer: graphology + sigma.js (both from npm, served by whitenoise).
 * Positions come precomputed from the server (force-directed layout stored with the snapshot), so the browser only
 * draws: colour = community, size = PageRank, labels always on the top accounts; accounts with no edge among the
 * shown ones are hidden until asked for (a sparse graph would otherwise be a disc of dots); search, community /
 * minimum-degree filters, click for details and a zoom onto the account's neighbourhood. */
(function () {
  "use strict";
  const container = document.getElementById("graph-explorer");
  if (!container) return;

  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];
  const colourOf = (community) => PALETTE[community % PALETTE.length];
  const GraphClass = window.graphology.Graph || window.graphology;
  const SigmaClass = window.Sigma.Sigma || window.Sigma;

  const search = document.getElementById("explorer-search");
  const names = document.getElementById("explorer-names");
  const communitySelect = document.getElementById("explorer-community");
  const minDegree = document.getElementById("explorer-min-degree");
  const minDegreeValue = document.getElementById("explorer-min-degree-value");
  const caption = document.getElementById("explorer-caption");
  const details = document.getElementById("node-details-body");
  const isolatedToggle = document.getElementById("explorer-isolated");
  const isolatedCount = document.getElementById("explorer-isolated-count");
  const LABELLED_TOP = 12;
  const state = { community: null, minDegree: 0, selected: null, neighbours: new Set(), showIsolated: false };

  document.querySelectorAll(".community-swatch").forEach((el) => {
    el.style.cssText = "display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.3rem;" +
      "background:" + colourOf(Number(el.dataset.community));
  });

  const escapeHtml = (text) => String(text).replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const fmt = (value, digits) => (value === null || value === undefined) ? "—" : Number(value).toFixed(digits);

  fetch(container.dataset.url, { credentials: "same-origin" })
    .then((response) => { if (!response.ok) throw new Error("HTTP " + response.status); return response.json(); })
    .then(draw)
    .catch((error) => { caption.textContent = "Could not load the graph: " + error.message; });

  function draw(data) {
    const graph = new GraphClass({ type: data.directed ? "directed" : "undirected", multi: false });
    const maxRank = Math.max(...data.nodes.map((n) => n.pagerank), 1e-12);
    const byLabel = new Map();
    // Nodes arrive sorted by PageRank: the first few keep their labels at every zoom level, but only where a label
    // does not overlap one already kept (measured at the first framing: the layout spans about [-1, 1]).
    const unit = Math.min(container.clientWidth || 600, container.clientHeight || 400) / 2.2; // px per layout unit
    const kept = [];
    const overlaps = (box) => kept.some((k) => box.x0 < k.x1 && k.x0 < box.x1 && box.y0 < k.y1 && k.y0 < box.y1);
    data.nodes.forEach((n, rank) => {
      const size = 3 + 17 * Math.sqrt(n.pagerank / maxRank);
      let forceLabel = false;
      if (rank < LABELLED_TOP) {
        const left = n.x * unit + size, width = 7.5 * n.label.length + 6, middle = -n.y * unit;
        const box = { x0: left - 2, x1: left + width, y0: middle - 10, y1: middle + 10 };
        if (!overlaps(box)) { kept.push(box); forceLabel = true; }
      }
      graph.addNode(String(n.index), {
        label: n.label, x: n.x, y: n.y, size,
        color: colourOf(n.community), community: n.community, degree: n.degree, meta: n,
        forceLabel,
      });
      byLabel.set(n.label.toLowerCase(), String(n.index));
      byLabel.set(String(n.key).toLowerCase(), String(n.index));
    });
    data.edges.forEach(([s, t, w]) => {
      const source = String(s), target = String(t);
      if (!graph.hasEdge(source, target)) {
        graph.addEdge(source, target, { size: Math.min(4, 0.4 + Math.log1p(w) * 0.5), color: "#b4b8c5" });
      }
    });

    graph.forEachNode((node) => graph.setNodeAttribute(node, "isolated", graph.degree(node) === 0));
    const isolated = graph.filterNodes((node, attrs) => attrs.isolated).length;
    isolatedCount.textContent = isolated.toLocaleString();
    isolatedToggle.disabled = isolated === 0;

    names.innerHTML = data.nodes.slice(0, 2000).map((n) => `<option value="${escapeHtml(n.label)}">`).join("");
    // Every community with an account drawn, each labelled with what the filter will show and its whole size.
    const communities = [...new Set(data.nodes.map((n) => n.community))].sort((a, b) => a - b);
    const sizes = new Map(data.communities.map((c) => [c.id, c.size]));
    const drawnIn = (c) => graph.filterNodes((node, attrs) =>
      attrs.community === c && (state.showIsolated || !attrs.isolated)).length;
    const communityOptions = () => {
      const chosen = communitySelect.value;
      communitySelect.innerHTML = '<option value="">All communities</option>' + communities.map((c) => {
        const whole = sizes.has(c) ? ` of ${sizes.get(c).toLocaleString()}` : "";
        return `<option value="${c}">Community ${c} · ${drawnIn(c).toLocaleString()} shown${whole}</option>`;
      }).join("");
      communitySelect.value = chosen;
    };
    communityOptions();
    minDegree.max = String(Math.max(1, Math.min(100, Math.max(...data.nodes.map((n) => n.degree)))));

    const renderer = new SigmaClass(graph, container, {
      // The container may be measured before Bootstrap's layout settles; sigma resizes itself afterwards.
      allowInvalidContainer: true, renderEdgeLabels: false, labelRenderedSizeThreshold: 9, labelDensity: 0.7, defaultEdgeType: data.directed ? "arrow" : "line",
      zIndex: true,
      nodeReducer: (node, attrs) => {
        const res = { ...attrs };
        const hidden = (state.community !== null && attrs.community !== state.community) ||
          attrs.degree < state.minDegree || (attrs.isolated && !state.showIsolated && node !== state.selected);
        if (hidden) { res.hidden = true; return res; }
        if (state.selected) {
          if (node === state.selected) { res.highlighted = true; res.zIndex = 2; }
          else if (!state.neighbours.has(node)) { res.color = "#e3e4e8"; res.label = ""; res.zIndex = 0; }
        }
        return res;
      },
      edgeReducer: (edge, attrs) => {
        const res = { ...attrs };
        const [s, t] = graph.extremities(edge);
        if (state.selected && s !== state.selected && t !== state.selected) res.hidden = true;
        return res;
      },
    });

    const visible = (node) => !renderer.getNodeDisplayData(node)?.hidden;

    // Frame a set of nodes: centre the camera on their box and zoom so it fills the view (sigma's camera works in
    // the normalised space where the whole graph spans about 1, so the box's span is the zoom ratio).
    function frame(nodes, duration) {
      if (!nodes.length) return;
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      nodes.forEach((node) => {
        const d = renderer.getNodeDisplayData(node);
        if (!d) return;
        minX = Math.min(minX, d.x); maxX = Math.max(maxX, d.x); minY = Math.min(minY, d.y); maxY = Math.max(maxY, d.y);
      });
      const ratio = Math.min(1.1, Math.max(0.03, 1.25 * Math.max(maxX - minX, maxY - minY)));
      const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
      if (duration) renderer.getCamera().animate(target, { duration });
      else renderer.getCamera().setState(target);
    }
    const frameVisible = (duration) => { renderer.refresh(); frame(graph.filterNodes(visible), duration); };

    function select(node, moveCamera) {
      state.selected = node;
      state.neighbours = node ? new Set(graph.neighbors(node)) : new Set();
      if (node) {
        const n = graph.getNodeAttribute(node, "meta");
        const link = n.profile_url ? `<a class="btn btn-sm btn-outline-primary mt-2" id="node-profile-link" href="${n.profile_url}">Open profile</a>` : "";
        details.innerHTML = `<div class="fw-semibold" id="node-details-name">${escapeHtml(n.label)}</div>
          <div class="small text-body-secondary mb-2">id ${escapeHtml(n.key)} · community ${n.community}</div>
          <table class="table table-sm small mb-0"><tbody>
          <tr><th>PageRank</th><td>${fmt(n.pagerank, 5)}</td></tr>
          <tr><th>Weighted in / out</th><td>${fmt(n.in_strength, 0)} / ${fmt(n.out_strength, 0)}</td></tr>
          <tr><th>Neighbours</th><td>${n.degree}</td></tr>
          <tr><th>Betweenness</th><td>${fmt(n.betweenness, 5)}</td></tr>
          <tr><th>Participation</th><td>${fmt(n.participation, 2)}</td></tr>
          ${n.hashtags && n.hashtags.length ? `<tr><th>Hashtags</th><td>${n.hashtags.map((t) => "#" + escapeHtml(t)).join(" ")}</td></tr>` : ""}
          </tbody></table>${link}`;
        if (moveCamera) {
          renderer.refresh();
          frame([node, ...state.neighbours], 400);
        }
      } else {
        details.textContent = "Click a node to see its metrics.";
      }
      renderer.refresh();
    }

    renderer.on("clickNode", ({ node }) => select(node, true));
    renderer.on("clickStage", () => select(null, false));
    search.addEventListener("change", () => {
      const node = byLabel.get(search.value.trim().toLowerCase().replace(/^@?/, "@")) ||
        byLabel.get(search.value.trim().toLowerCase());
      if (node) { search.classList.remove("is-invalid"); select(node, true); }
      else if (search.value.trim()) { search.classList.add("is-invalid"); }
    });
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); search.dispatchEvent(new Event("change")); }
    });
    communitySelect.addEventListener("change", () => {
      state.community = communitySelect.value === "" ? null : Number(communitySelect.value);
      renderer.refresh();
    });
    minDegree.addEventListener("input", () => {
      state.minDegree = Number(minDegree.value);
      minDegreeValue.textContent = minDegree.value;
      renderer.refresh();
    });
    isolatedToggle.addEventListener("change", () => {
      state.showIsolated = isolatedToggle.checked;
      communityOptions();
      describe();
      frameVisible(300);
    });
    document.getElementById("explorer-reset").addEventListener("click", () => {
      state.community = null; state.minDegree = 0; communitySelect.value = ""; minDegree.value = "0";
      minDegreeValue.textContent = "0"; select(null, false); frameVisible(300);
    });

    // The caption says what is on screen: accounts drawn (without the isolated ones unless asked), and why.
    const describe = () => {
      const drawn = data.nodes.length - (state.showIsolated ? 0 : isolated);
      caption.textContent = data.truncated
        ? `Showing ${drawn.toLocaleString()} of ${data.total_nodes.toLocaleString()} accounts: the strongest ties, each community's core and the top accounts by PageRank (tables cover the whole graph) · ${graph.size.toLocaleString()} edges among them.`
        : `${drawn.toLocaleString()} accounts · ${graph.size.toLocaleString()} edges.`;
      if (isolated) {
        caption.textContent += state.showIsolated
          ? ` Including ${isolated.toLocaleString()} without an edge among them.`
          : ` ${isolated.toLocaleString()} without an edge among them are hidden.`;
      }
    };
    describe();
    frameVisible(0);
    container.dataset.ready = "true";
    window.graphExplorer = { graph, renderer, select, frame };
  }
})();
