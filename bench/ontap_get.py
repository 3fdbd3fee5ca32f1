#!/usr/bin/env python3
"""bench/run's netapp-ontap contender: every CIFS session, all fields, one JSON object a line.

Usage: ONTAP_PASSWORD=... ontap_get.py HOST PORT USER [--raw]

The default is the library's usual path, CifsSession.get_collection(), which builds a Resource
object per record. --raw uses fast_get_collection(), the library's documented fast path, which
keeps each record as the dict the server sent. Certificate verification is off (verify=False),
as in the vendor's examples for self-signed clusters. max_records=1000 matches `sessions`.
"""
import json, os, sys
from netapp_ontap import HostConnection
from netapp_ontap.resources import CifsSession

host, port, user = sys.argv[1:4]
raw = "--raw" in sys.argv[4:]
with HostConnection(host, port=int(port), username=user, password=os.environ["ONTAP_PASSWORD"], verify=False):
    if raw:
        for session in CifsSession.fast_get_collection(fields="**", max_records=1000):
            print(json.dumps(session.resource_data))
    else:
        for session in CifsSession.get_collection(fields="**", max_records=1000):
            print(json.dumps(session.to_dict()))
