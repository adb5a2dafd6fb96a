"""What answers must be: pure rules over the document and one answer or one walk, no I/O.

`document` (the vendored document, overlaid), `xml_body` (XML answers in JSON shape), `answer_rules`
(status, media type, schema, formats, negotiation of one answer), `semantics` (what an answer must
mean), `refusals` (the 400 oracle), `paging` (a page walk), `answers` (reading a body or a
finding), `violations` (the harness's findings and check names), `registry` (every check, declared
once), `redaction` (masking), `forms`, `urls`, `formats` (where a schema's url values are),
`compiled` (what judging derives from the document, derived once per process). The lowest layer:
it imports nothing else of the harness.
"""
