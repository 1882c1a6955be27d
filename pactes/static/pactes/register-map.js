// The register's map: markers of the pacts found (the GeoJSON export with the same filters).
// Without JavaScript the section stays hidden and the list holds everything.
(function () {
  "use strict";

  function start() {
    var canvas = document.getElementById("pact-map");
    var section = document.getElementById("pact-map-section");
    var status = document.getElementById("pact-map-status");
    if (!canvas || !section || typeof window.L === "undefined") {
      return;
    }
    var L = window.L;
    section.hidden = false;
    var map = L.map(canvas, { scrollWheelZoom: false }).setView([46.6, 2.4], 5);
    var tiles = canvas.dataset.tilesUrl;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: canvas.dataset.attribution || "" }).addTo(map);
    }

    function popup(properties) {
      var box = document.createElement("div");
      var link = document.createElement("a");
      link.href = properties.url;
      link.textContent = properties.title;
      var line = document.createElement("p");
      line.textContent = properties.status_label + " · " + properties.commons_name;
      box.appendChild(link);
      box.appendChild(line);
      return box;
    }

    fetch(canvas.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (collection) {
        var layer = L.geoJSON(collection, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, { radius: 8, weight: 2, color: "#1b4d3e", fillColor: "#3c8d6e", fillOpacity: 0.8 });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popup(feature.properties));
          },
        }).addTo(map);
        if (collection.features.length) {
          map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [24, 24] });
        } else {
          status.textContent = canvas.dataset.empty;
        }
        canvas.dataset.markers = String(collection.features.length);
      })
      .catch(function () {
        status.textContent = canvas.dataset.failed;
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
