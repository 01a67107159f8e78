"""Consumes the hub's WSDL with Python zeep, as a third-party customs system would.

Reads one JSON request on stdin: {url, apiKey, clientId?, port, declaration, waitMs}; submits the declaration, reads the
decision back and prints {submit, get} as JSON, or {fault: {faultcode, code, pointers}} when the hub answers with a fault.
"""
import json
import sys

import requests
from zeep import Client
from zeep.exceptions import Fault
from zeep.helpers import serialize_object
from zeep.transports import Transport
from zeep.wsse.username import UsernameToken

TNS = "{urn:tareks:hub:declarations:v1}"


def to_zeep(value, name=""):
    """JSON arrays become the contract's plural wrapper around singular children: items -> {item: [...]}."""
    if isinstance(value, dict):
        return {k: to_zeep(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return {name[:-1]: [to_zeep(v) for v in value]}
    return value


def main():
    req = json.load(sys.stdin)
    session = requests.Session()
    wsse = None
    if req.get("clientId"):
        wsse = UsernameToken(req["clientId"], req["apiKey"])
    else:
        session.headers["X-API-Key"] = req["apiKey"]
    client = Client(req["url"] + "?wsdl", transport=Transport(session=session), wsse=wsse)
    service = client.bind("DeclarationsService", req["port"])
    declaration = req["declaration"]
    try:
        submitted = service.SubmitDeclaration(declaration=to_zeep(declaration), waitMs=req["waitMs"])
        state = service.GetDecision(id=declaration["id"], version=declaration["version"])
    except Fault as fault:
        hub = fault.detail.find(TNS + "HubFault")
        pointers = [p.text for p in hub.iter(TNS + "pointer")]
        print(json.dumps({"fault": {"faultcode": str(fault.code), "code": hub.find(TNS + "code").text, "pointers": pointers}}))
        return
    print(json.dumps({"submit": serialize_object(submitted, dict), "get": serialize_object(state, dict)}, default=str))


main()
