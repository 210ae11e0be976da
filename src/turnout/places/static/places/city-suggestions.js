// Suggestions for city fields: asks this site's gazetteer (never a third party) as one types,
// and fills the country field when a suggestion is picked.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer = null;
    var results = [];
    var lang = document.documentElement.lang || "en";
    input.addEventListener("input", function () {
      var picked = results.filter(function (r) { return r.label === input.value; })[0];
      if (picked) { choose(picked); return; }
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) return;
      timer = setTimeout(function () {
        var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(query) + "&lang=" + lang;
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            results = data.results || [];
            list.replaceChildren.apply(list, results.map(function (r) {
              var option = document.createElement("option");
              option.value = r.label;
              return option;
            }));
          })
          .catch(function () {});
      }, 200);
    });
    function choose(result) {
      var countryField = input.dataset.countryField && document.getElementById(input.dataset.countryField);
      if (countryField) {
        input.value = result.name;
        countryField.value = result.country;
      }
    }
  }
  document.querySelectorAll("input[data-suggest-url]").forEach(attach);
})();
