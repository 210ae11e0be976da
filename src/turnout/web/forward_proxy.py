"""Which forward proxy an outbound request goes through, as the operator's environment says.

A server behind a company or hosting firewall often reaches the internet only through a proxy,
named the way curl, pip and apt read it: `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` (or their
lower-case forms) and `NO_PROXY` for the hosts reached directly (`localhost,.internal`, or `*`
for all). The standard library reads them (`urllib.request`); only http:// and https:// proxies
are supported, since a SOCKS proxy needs a library Turnout does not install.
"""

import urllib.request
from urllib.request import proxy_bypass_environment  # type: ignore[attr-defined]

import httpx

SUPPORTED_SCHEMES = ("http", "https")


class UnsupportedProxy(httpx.ProxyError):
    """The environment names a proxy Turnout cannot speak to (such as socks5://)."""


def proxy_for(url: httpx.URL) -> httpx.URL | None:
    """The proxy for a request to `url`, or None to connect directly."""
    proxies = urllib.request.getproxies_environment()
    chosen = proxies.get(url.scheme) or proxies.get("all")
    if not chosen:
        return None
    if proxies.get("no") and proxy_bypass_environment(url.host, proxies):
        return None
    if "://" not in chosen:
        chosen = f"http://{chosen}"  # "proxy.example:3128", as curl takes it
    proxy = httpx.URL(chosen)
    if proxy.scheme not in SUPPORTED_SCHEMES:
        raise UnsupportedProxy(f"the proxy {proxy.scheme}://{proxy.host} is not supported")
    return proxy
