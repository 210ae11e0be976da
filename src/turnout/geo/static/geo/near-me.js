// "Use my location": asks the browser for the position only after a click, rounds it to about
// a kilometre, and sends it to this site's own search. Nothing else sees it.
(function () {
  "use strict";
  var button = document.querySelector("[data-geolocate]");
  if (!button || !("geolocation" in navigator)) return;
  var status = document.querySelector("[data-geolocate-status]");
  var form = button.closest("form");
  var input = form.querySelector("[name=near]");
  button.hidden = false;
  button.addEventListener("click", function () {
    if (status) status.textContent = button.dataset.waiting || "…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        input.value = position.coords.latitude.toFixed(2) + "," + position.coords.longitude.toFixed(2);
        form.submit();
      },
      function (error) {
        if (status) status.textContent = button.dataset.failed || error.message;
      },
      { maximumAge: 600000, timeout: 15000 }
    );
  });
})();
