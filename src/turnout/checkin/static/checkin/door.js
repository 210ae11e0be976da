// The door page, a little better with JavaScript: the counts refresh every few seconds, and
// where the browser can read barcodes (BarcodeDetector), the camera scans a QR code into the
// code form. Without it every action is still a plain form.
(function () {
  "use strict";
  var door = document.querySelector(".door");
  if (!door) return;

  var countsUrl = door.getAttribute("data-counts-url");
  function refreshCounts() {
    if (document.hidden) return;
    fetch(countsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (counts) {
        if (!counts) return;
        ["arrived", "expected"].forEach(function (name) {
          var element = door.querySelector('[data-count="' + name + '"]');
          if (element && typeof counts[name] === "number") element.textContent = String(counts[name]);
        });
      })
      .catch(function () { /* offline for a moment: the next tick tries again */ });
  }
  window.setInterval(refreshCounts, 5000);

  var scanner = door.querySelector(".door-scanner");
  var form = document.getElementById("code-form");
  if (!scanner || !form || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  scanner.hidden = false;
  var button = scanner.querySelector("[data-scan]");
  var video = scanner.querySelector("[data-scan-video]");
  var status = scanner.querySelector("[data-scan-status]");
  var detector = null;
  var stream = null;

  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
  }

  function look() {
    if (!stream) return;
    detector.detect(video).then(function (codes) {
      if (codes.length) {
        stop();
        form.querySelector('input[name="code"]').value = codes[0].rawValue;
        form.submit();
      } else {
        window.setTimeout(look, 250);
      }
    }).catch(function () { window.setTimeout(look, 500); });
  }

  button.addEventListener("click", function () {
    if (stream) { stop(); return; }
    try {
      detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    } catch (error) {
      scanner.hidden = true;
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        return video.play();
      })
      .then(look)
      .catch(function () {
        status.textContent = button.getAttribute("data-no-camera") || "";
        stop();
      });
  });
})();
