"""Validates XML documents against schemas/wsdl/declarations.xsd with libxml2 (lxml), an independent XSD processor.

Reads {xsd, documents: [xml, ...]} as JSON on stdin; prints a JSON list with the validation errors of each document.
"""
import json
import sys

from lxml import etree

req = json.load(sys.stdin)
schema = etree.XMLSchema(etree.parse(req["xsd"]))
results = []
for doc in req["documents"]:
    ok = schema.validate(etree.fromstring(doc.encode("utf-8")))
    results.append([] if ok else [f"{e.line}: {e.message}" for e in schema.error_log])
print(json.dumps(results))
