// Consent-gated posts: loads a provider's post only once the visitor has allowed that provider.
// Without this script the gate still works: a link to the post, and a form that stores consent.
(function () {
  "use strict";
  var COOKIE = "turnout_embeds";
  var YEAR = 365 * 24 * 60 * 60;

  function allowed() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]).split(".").filter(Boolean) : [];
  }

  function allow(provider) {
    var providers = allowed();
    if (providers.indexOf(provider) === -1) providers.push(provider);
    providers.sort();
    var secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = COOKIE + "=" + providers.join(".") + "; path=/; max-age=" + YEAR +
      "; samesite=lax" + secure;
  }

  function show(gate) {
    if (gate.dataset.embedLoaded) return;
    gate.dataset.embedLoaded = "true";
    var loader = JSON.parse(gate.dataset.embed);
    var link = gate.querySelector("a");
    var label = gate.querySelector("figcaption").textContent;
    gate.querySelectorAll(".embed-gate-note, .embed-gate-form").forEach(function (node) {
      node.remove();
    });
    if (loader.iframe) {
      var frame = document.createElement("iframe");
      frame.src = loader.iframe;
      frame.title = label;
      frame.loading = "lazy";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.className = "embed-frame";
      gate.insertBefore(frame, link.parentNode);
      return;
    }
    var quote = document.createElement("blockquote");
    quote.className = loader.quoteClass;
    Object.keys(loader.quoteAttrs || {}).forEach(function (name) {
      quote.setAttribute(name, loader.quoteAttrs[name]);
    });
    var quoted = document.createElement("a");
    quoted.href = link.href;
    quoted.textContent = link.textContent;
    quote.appendChild(quoted);
    gate.insertBefore(quote, link.parentNode);
    if (!document.querySelector('script[src="' + loader.script + '"]')) {
      var script = document.createElement("script");
      script.src = loader.script;
      script.async = true;
      document.body.appendChild(script);
    }
  }

  var allowedAtLoad = allowed();

  function showAllowed() {
    var providers = allowed();
    document.querySelectorAll(".embed-gate[data-embed]").forEach(function (gate) {
      if (providers.indexOf(gate.dataset.embedProvider) !== -1) show(gate);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("embed-gate-form")) return;
    // The page's Content-Security-Policy admits only the providers allowed when it was
    // served: a newly allowed one needs the form's round trip, which reloads the page.
    if (allowedAtLoad.indexOf(form.elements.provider.value) === -1) return;
    event.preventDefault();
    allow(form.elements.provider.value);
    showAllowed();
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showAllowed);
  } else {
    showAllowed();
  }
})();
