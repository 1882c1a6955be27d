// Maps of the pact pages, on the vendored Leaflet. Every map draws the outline of the city's
// neighbourhoods (served by the site), and the base-map tiles only when a tile server is set:
// the map is never an empty square, and nothing is asked of another site by default.
//
//   [data-map="register"]  the register's map: markers of the pacts found (GeoJSON export)
//   [data-map="point"]     one commons (data-latitude, data-longitude, data-label)
//   [data-map="picker"]    choosing a commons' place: click or drag the marker, or search an
//                          address (data-latitude-input, data-longitude-input, data-search-url)
(function () {
  "use strict";

  var GREEN = { color: "#1b4d3e", fillColor: "#3c8d6e" };

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        throw new Error(String(r.status));
      }
      return r.json();
    });
  }

  // A map with its base: tiles when set, and the neighbourhoods' outline (returned as a promise
  // of the outline layer, so callers can fit the view to the city when they have nothing else).
  function baseMap(canvas, options) {
    var L = window.L;
    var map = L.map(canvas, Object.assign({ scrollWheelZoom: false }, options || {})).setView([46.6, 2.4], 5);
    var tiles = canvas.dataset.tilesUrl;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: canvas.dataset.attribution || "" }).addTo(map);
    }
    var outline = canvas.dataset.neighbourhoodsUrl
      ? fetchJson(canvas.dataset.neighbourhoodsUrl)
          .then(function (collection) {
            var layer = L.geoJSON(collection, {
              style: { color: "#4a5a52", weight: tiles ? 2 : 1.5, dashArray: tiles ? "4 4" : null, fill: !tiles, fillColor: "#ffffff", fillOpacity: 0.6 },
              interactive: false,
            }).addTo(map);
            if (!tiles) {
              // Neighbourhood names on the outline: the only landmarks without a base map.
              collection.features.forEach(function (feature) {
                if (feature.properties && feature.properties.name) {
                  var centre = L.geoJSON(feature).getBounds().getCenter();
                  L.marker(centre, {
                    interactive: false,
                    keyboard: false,
                    icon: L.divIcon({ className: "map-label", html: "", iconSize: null }),
                  })
                    .addTo(map)
                    .getElement().textContent = feature.properties.name;
                }
              });
            }
            layer.bringToBack();
            return layer;
          })
          .catch(function () {
            return null;
          })
      : Promise.resolve(null);
    return { map: map, outline: outline };
  }

  function fitOutline(map, layer) {
    if (layer && layer.getLayers().length) {
      map.fitBounds(layer.getBounds(), { padding: [12, 12] });
    }
  }

  function popup(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title;
    var line = document.createElement("p");
    // A feature may say its own second line (the offers' map does); a pact's is its status and commons.
    line.textContent = properties.popup_line || properties.status_label + " · " + properties.commons_name;
    box.appendChild(link);
    box.appendChild(line);
    return box;
  }

  function registerMap(canvas) {
    var L = window.L;
    var section = document.getElementById(canvas.dataset.section);
    var status = document.getElementById(canvas.dataset.status);
    if (section) {
      section.hidden = false;
    }
    var base = baseMap(canvas);
    Promise.all([base.outline, fetchJson(canvas.dataset.geojsonUrl)])
      .then(function (results) {
        var collection = results[1];
        var layer = L.geoJSON(collection, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, Object.assign({ radius: 8, weight: 2, fillOpacity: 0.8 }, GREEN));
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popup(feature.properties));
          },
        }).addTo(base.map);
        if (collection.features.length) {
          base.map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [24, 24] });
        } else {
          fitOutline(base.map, results[0]);
          status.textContent = canvas.dataset.empty;
        }
        canvas.dataset.markers = String(collection.features.length);
      })
      .catch(function () {
        status.textContent = canvas.dataset.failed;
      });
  }

  function pointMap(canvas) {
    var L = window.L;
    var base = baseMap(canvas);
    var latlng = [parseFloat(canvas.dataset.latitude), parseFloat(canvas.dataset.longitude)];
    base.map.setView(latlng, 16);
    L.circleMarker(latlng, Object.assign({ radius: 10, weight: 3, fillOpacity: 0.9 }, GREEN))
      .addTo(base.map)
      .bindTooltip(canvas.dataset.label || "", { permanent: false });
    canvas.dataset.ready = "true";
  }

  function pickerMap(canvas) {
    var L = window.L;
    var latInput = document.getElementById(canvas.dataset.latitudeInput);
    var lonInput = document.getElementById(canvas.dataset.longitudeInput);
    var status = document.getElementById(canvas.dataset.status);
    if (!latInput || !lonInput) {
      return;
    }
    canvas.hidden = false;
    var base = baseMap(canvas);
    var marker = null;

    function place(lat, lon, announce) {
      var latlng = L.latLng(lat, lon);
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, { draggable: true, keyboard: true, title: canvas.dataset.markerTitle, alt: canvas.dataset.markerTitle }).addTo(base.map);
        marker.on("dragend", function () {
          var p = marker.getLatLng();
          write(p.lat, p.lng, true);
        });
      }
      write(lat, lon, announce);
    }

    function write(lat, lon, announce) {
      latInput.value = lat.toFixed(6);
      lonInput.value = lon.toFixed(6);
      canvas.dataset.placed = "true";
      if (announce && status) {
        status.textContent = canvas.dataset.placedText.replace("%s", latInput.value + ", " + lonInput.value);
      }
    }

    var lat = parseFloat(latInput.value);
    var lon = parseFloat(lonInput.value);
    if (!isNaN(lat) && !isNaN(lon)) {
      place(lat, lon, false);
      base.map.setView([lat, lon], 16);
    } else {
      base.outline.then(function (layer) {
        fitOutline(base.map, layer);
      });
    }
    base.map.on("click", function (event) {
      place(event.latlng.lat, event.latlng.lng, true);
    });
    // Typed coordinates move the marker too.
    [latInput, lonInput].forEach(function (input) {
      input.addEventListener("change", function () {
        var a = parseFloat(latInput.value);
        var b = parseFloat(lonInput.value);
        if (!isNaN(a) && !isNaN(b)) {
          place(a, b, false);
          base.map.setView([a, b], Math.max(base.map.getZoom(), 15));
        }
      });
    });

    // Address search: the server's geocoder; results are buttons, reachable with the keyboard.
    var searchButton = document.getElementById(canvas.dataset.searchButton);
    var query = document.getElementById(canvas.dataset.searchInput);
    var results = document.getElementById(canvas.dataset.results);
    if (!searchButton || !query || !results) {
      return;
    }
    searchButton.hidden = false;
    searchButton.addEventListener("click", function () {
      var q = query.value.trim();
      results.textContent = "";
      if (!q) {
        status.textContent = canvas.dataset.emptyQuery;
        return;
      }
      fetchJson(canvas.dataset.searchUrl + "?q=" + encodeURIComponent(q))
        .then(function (body) {
          if (!body.results.length) {
            status.textContent = canvas.dataset.noResult;
            return;
          }
          status.textContent = canvas.dataset.resultsText.replace("%s", String(body.results.length));
          body.results.forEach(function (item) {
            var li = document.createElement("li");
            var button = document.createElement("button");
            button.type = "button";
            button.className = "link-button";
            button.textContent = item.label;
            button.addEventListener("click", function () {
              place(item.latitude, item.longitude, true);
              base.map.setView([item.latitude, item.longitude], 16);
              if (item.neighbourhood && canvas.dataset.neighbourhoodInput) {
                var hood = document.getElementById(canvas.dataset.neighbourhoodInput);
                if (hood && !hood.value) {
                  hood.value = item.neighbourhood;
                }
              }
              results.textContent = "";
            });
            li.appendChild(button);
            results.appendChild(li);
          });
        })
        .catch(function () {
          status.textContent = canvas.dataset.failed;
        });
    });
  }

  function start() {
    if (typeof window.L === "undefined") {
      return;
    }
    var kinds = { register: registerMap, point: pointMap, picker: pickerMap };
    document.querySelectorAll("[data-map]").forEach(function (canvas) {
      var init = kinds[canvas.dataset.map];
      if (init) {
        init(canvas);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
