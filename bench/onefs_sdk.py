#!/usr/bin/env python3
"""Dell's own Python SDK (isilon-sdk, bench/requirements.txt) against `sessions simulate`.

Usage: ONEFS_PASSWORD=... onefs_sdk.py URL USER CA_PEM [--check]

Without --check (bench/run's contender): every SMB session of the cluster through
ProtocolsApi.get_smb_sessions (the version-11 list, 9.2 and later), following `resume`, one JSON
object a line. The SDK logs in with a session cookie (POST /session/1/session) and sends the
CSRF token and Origin on each call; it verifies TLS against CA_PEM.

--check: what a real client needs of the cluster, asserted step by step, for a simulator with
at least 20 sessions: the session login, every page (limit, then resume alone), an lnn filter,
both DELETEs (/platform/1 by computer and user, /platform/11 by computer) with their 404 once
nothing matches, a refused resume token, and the SDK's logout. Exits non-zero on any failure.
"""
import json, os, sys

from isilon_sdk import v9_5_0 as isi
from isilon_sdk.v9_5_0.rest import ApiException

url, user, ca = sys.argv[1:4]
check = "--check" in sys.argv[4:]

config = isi.Configuration()
config.host = url
config.username = user
config.password = os.environ["ONEFS_PASSWORD"]
config.verify_ssl = True
config.ssl_ca_cert = ca
client = isi.ApiClient(config)
protocols = isi.ProtocolsApi(client)


def every_session(**query):
    """(lnn, session) for every session, page after page; the pages' top-level totals."""
    page = protocols.get_smb_sessions(**query)
    totals = [page.total]
    out = []
    while True:
        for node in page.nodes:
            assert node.total == len(node.sessions), (node.lnn, node.total)
            out.extend((node.lnn, s) for s in node.sessions)
        if not page.resume:
            return out, totals
        page = protocols.get_smb_sessions(resume=page.resume)
        totals.append(page.total)


if not check:
    for lnn, s in every_session(limit=1000)[0]:
        print(json.dumps(dict(s.to_dict(), lnn=lnn)))
    sys.exit(0)


def status_of(call, *args):
    try:
        call(*args)
    except ApiException as e:
        return e.status, json.loads(e.body)["errors"][0]["code"]
    return 204, None


sessions, totals = every_session(limit=7)
keys = {(lnn, s.id) for lnn, s in sessions}
assert len(keys) == len(sessions) == totals[0] and len(set(totals)) == 1, (len(sessions), totals)
assert len(sessions) >= 20, "start the simulator with --sessions 20 or more"
assert client.cookie and client.cookie.startswith("isisessid="), client.cookie
assert client.x_csrf_token, "no isicsrf cookie was read"
print(f"listed {len(sessions)} sessions over {len({lnn for lnn, _ in sessions})} nodes in pages of 7")

node2, _ = every_session(lnn="2")
assert node2 and all(lnn == 2 for lnn, _ in node2)
print(f"lnn=2: {len(node2)} sessions, all on node 2")

# Close by computer and user at /platform/1: every session of that pair, on every node.
_, victim = next((lnn, s) for lnn, s in sessions if "\\" in s.user)
protocols.delete_smb_sessions_computer_user(victim.user, victim.computer)
left, _ = every_session(limit=1000)
assert not any(s.computer == victim.computer and s.user == victim.user for _, s in left)
assert status_of(protocols.delete_smb_sessions_computer_user, victim.user, victim.computer) == (404, "AEC_NOT_FOUND")
print(f"closed {victim.user!r} from {victim.computer} at /platform/1, then 404 AEC_NOT_FOUND")

# Close by computer at /platform/11.
_, other = left[0]
protocols.delete_smb_session(other.computer)
left2, _ = every_session(limit=1000)
assert not any(s.computer == other.computer for _, s in left2)
assert status_of(protocols.delete_smb_session, other.computer) == (404, "AEC_NOT_FOUND")
print(f"closed every session from {other.computer} at /platform/11, then 404 AEC_NOT_FOUND")

try:
    protocols.get_smb_sessions(resume="1-1-MAAA1-not-a-token")
    raise AssertionError("a made-up resume token was taken")
except ApiException as e:
    assert e.status == 400 and json.loads(e.body)["errors"][0]["message"] == "Invalid resume token", e.body
print("a made-up resume token: 400 Invalid resume token")

client.logout()
assert client.cookie is None, "the SDK's logout did not get its 204"
print("ok")
