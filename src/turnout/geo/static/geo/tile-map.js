// The optional interactive map, with tiles from the server named in MAP_TILES_URL. The server
// draws the map without it; nothing is requested from the tile server until the visitor asks.
(function () {
  "use strict";
  var TILE = 256;

  function project(lat, lon, zoom) {
    var size = TILE * Math.pow(2, zoom);
    var sin = Math.max(-0.9999, Math.min(0.9999, Math.sin((lat * Math.PI) / 180)));
    return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
  }

  function fit(points, width, height) {
    for (var zoom = 12; zoom > 1; zoom--) {
      var xy = points.map(function (p) { return project(p.lat, p.lon, zoom); });
      var xs = xy.map(function (q) { return q[0]; }), ys = xy.map(function (q) { return q[1]; });
      var w = Math.max.apply(null, xs) - Math.min.apply(null, xs);
      var h = Math.max.apply(null, ys) - Math.min.apply(null, ys);
      if (w < width - 48 && h < height - 48) {
        return { zoom: zoom, x: (Math.max.apply(null, xs) + Math.min.apply(null, xs)) / 2,
                 y: (Math.max.apply(null, ys) + Math.min.apply(null, ys)) / 2 };
      }
    }
    return { zoom: 1, x: TILE, y: TILE };
  }

  function show(box, points) {
    var view = document.createElement("div");
    view.className = "tile-map-view";
    box.appendChild(view);
    var controls = document.createElement("p");
    ["+", "−"].forEach(function (label, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button secondary";
      button.textContent = label;
      button.setAttribute("aria-label", index === 0 ? box.dataset.zoomIn : box.dataset.zoomOut);
      button.addEventListener("click", function () { zoomBy(index === 0 ? 1 : -1); });
      controls.appendChild(button);
    });
    box.appendChild(controls);
    if (box.dataset.attribution) {
      var credit = document.createElement("p");
      credit.className = "tile-map-attribution";
      credit.textContent = box.dataset.attribution;
      box.appendChild(credit);
    }
    var state = points.length ? fit(points, view.clientWidth, view.clientHeight) : { zoom: 1, x: TILE, y: TILE };

    function zoomBy(step) {
      var zoom = Math.max(1, Math.min(18, state.zoom + step));
      var factor = Math.pow(2, zoom - state.zoom);
      state = { zoom: zoom, x: state.x * factor, y: state.y * factor };
      draw();
    }

    function draw() {
      var width = view.clientWidth, height = view.clientHeight;
      var left = state.x - width / 2, top = state.y - height / 2;
      var count = Math.pow(2, state.zoom);
      var nodes = [];
      for (var tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++) {
        for (var ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
          if (ty < 0 || ty >= count) continue;
          var img = document.createElement("img");
          img.alt = "";
          img.src = box.dataset.tiles.replace("{z}", state.zoom).replace("{x}", ((tx % count) + count) % count)
            .replace("{y}", ty).replace("{s}", "a");
          img.style.left = tx * TILE - left + "px";
          img.style.top = ty * TILE - top + "px";
          nodes.push(img);
        }
      }
      points.forEach(function (p) {
        var xy = project(p.lat, p.lon, state.zoom);
        var marker = document.createElement("a");
        marker.className = "tile-marker";
        marker.href = p.url;
        marker.title = p.name;
        marker.setAttribute("aria-label", p.name);
        marker.style.left = xy[0] - left + "px";
        marker.style.top = xy[1] - top + "px";
        nodes.push(marker);
      });
      view.replaceChildren.apply(view, nodes);
    }

    var drag = null;
    view.addEventListener("pointerdown", function (event) {
      if (event.target.tagName === "A") return;
      drag = { x: event.clientX, y: event.clientY };
      view.setPointerCapture(event.pointerId);
    });
    view.addEventListener("pointermove", function (event) {
      if (!drag) return;
      state.x -= event.clientX - drag.x;
      state.y -= event.clientY - drag.y;
      drag = { x: event.clientX, y: event.clientY };
      draw();
    });
    view.addEventListener("pointerup", function () { drag = null; });
    draw();
  }

  document.querySelectorAll(".tile-map").forEach(function (box) {
    var button = box.querySelector("[data-tile-consent]");
    var points = JSON.parse(document.getElementById(box.dataset.points).textContent);
    button.hidden = false;
    button.addEventListener("click", function () {
      button.remove();
      show(box, points);
    });
  });
})();
