"""Every address of the site, fed broken and hostile requests: a 4xx answer, never a 500.

Broken encodings (invalid UTF-8 in query strings, form bodies and cookies), oversized and
mislabelled bodies, bad Content-Length, a foreign Host, huge or odd headers: each is sent to
every named URL (see tests/security/world.py), as a visitor and as a signed-in coordinator.
"""

import pytest
import time_machine
from django.test import Client

from tests.security.world import NOW, build_world, named_url_patterns

pytestmark = pytest.mark.django_db

HUGE = 3 * 1024 * 1024  # past DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)

# (name, method, body, content type, extra WSGI environ)
ATTACKS = [
    ("invalid UTF-8 in the query", "GET", b"", None,
     {"QUERY_STRING": "q=%ff%fe&near=\xff\xfe&page=%c3%28&when=\xc3("}),
    ("NUL and control characters in the query", "GET", b"", None,
     {"QUERY_STRING": "q=a%00b&near=%00&page=%0d%0a&lang=%00&country=%00"}),
    ("absurd query values", "GET", b"", None,
     {"QUERY_STRING": "page=-1&page_size=99999999999999999999&radius_km=nan&near=inf,inf"
      "&starts_after=9999-99-99&lat=1e309&lon=-1e309&year=0&lang=xx-&kind[]=1"}),
    ("too many query fields", "GET", b"", None,
     {"QUERY_STRING": "&".join(f"f{i}=1" for i in range(1100))}),
    ("a huge query string", "GET", b"", None, {"QUERY_STRING": "q=" + "a" * 60_000}),
    ("invalid UTF-8 in a form body", "POST",
     b"name=%ff%fe&email=\xff\xfe@example.org&city=\xc3(&url=http://%ff&provider=\xff"
     b"&decision=allow&stamp=\xff&title=%00", "application/x-www-form-urlencoded", {}),
    ("an unknown charset", "POST", b"name=x&email=a@example.org",
     "application/x-www-form-urlencoded; charset=no-such-charset", {}),
    ("an oversized form body", "POST", b"name=" + b"a" * HUGE,
     "application/x-www-form-urlencoded", {}),
    ("multipart without a boundary", "POST", b"--x\r\nContent-Disposition: form-data\r\n",
     "multipart/form-data", {}),
    ("broken multipart", "POST", b"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb",
     "multipart/form-data; boundary=xyz", {}),
    ("JSON where a form is expected", "POST", b'{"name": [1, {"x": null}]}',
     "application/json", {}),
    ("a Content-Length that is not a number", "POST", b"name=x",
     "application/x-www-form-urlencoded", {"CONTENT_LENGTH": "abc"}),
    ("a negative Content-Length", "POST", b"name=x", "application/x-www-form-urlencoded",
     {"CONTENT_LENGTH": "-5"}),
    ("a foreign Host", "GET", b"", None, {"HTTP_HOST": "evil.example"}),
    ("a malformed Host", "GET", b"", None, {"HTTP_HOST": "127.0.0.1:80:80\x00"}),
    ("odd headers", "GET", b"", None, {
        "HTTP_ACCEPT_LANGUAGE": "xx-\xff;q=abc, *;q=2, " + "nl;q=0.5," * 500,
        "HTTP_ACCEPT": "text/\xff", "HTTP_IF_NONE_MATCH": '"\xff", W/', "HTTP_RANGE": "bytes=9-1",
        "HTTP_IF_MODIFIED_SINCE": "yesterday", "HTTP_REFERER": "http://[::1",
        "HTTP_X_FORWARDED_FOR": "\xff" * 100, "HTTP_USER_AGENT": "a" * 20_000,
    }),
    ("garbage cookies", "GET", b"", None, {
        "HTTP_COOKIE": "sessionid=\xff\xfe; csrftoken=%00; turnout_embeds=x\xff.youtube; "
        "turnout_city=\xff%00; django_language=\xff; messages=garbage\xff"
    }),
    ("garbage cookies on a form", "POST", b"name=Ada&email=ada@example.org",
     "application/x-www-form-urlencoded",
     {"HTTP_COOKIE": "sessionid=\xff; turnout_city=%ff; turnout_embeds=\xff"}),
    ("an unusual method", "PATCH", b"x", "text/plain", {}),
    ("OPTIONS", "OPTIONS", b"", None, {}),
]  # fmt: skip


def fire(client: Client, path: str, attack) -> int:
    _, method, body, content_type, extra = attack
    kwargs = dict(extra)
    if content_type is not None:
        kwargs["content_type"] = content_type
    response = client.generic(method, path, body, **kwargs)
    return response.status_code


def test_the_attacks_reach_every_named_url_of_the_site():
    missing = named_url_patterns() - set(build_world().paths)
    assert missing == set(), "give each new URL an address in tests/security/world.py"


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "coordinator"])
def test_hostile_requests_to_every_address_are_answered_without_a_server_error(signed_in):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client(raise_request_exception=True)
        if signed_in:
            client.force_login(world.coordinator)
        failures = []
        for name, path in sorted(world.paths.items()):
            for attack in ATTACKS:
                try:
                    status = fire(client, path, attack)
                except Exception as error:  # noqa: BLE001 - collected and reported together
                    failures.append(f"{attack[0]} → {name} {path}: {type(error).__name__}: {error}")
                    continue
                if status >= 500:
                    failures.append(f"{attack[0]} → {name} {path}: {status}")
    assert failures == [], "\n".join(failures[:40])
