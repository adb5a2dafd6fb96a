"""How the generated client authenticates, compared between two documents.

The generated AuthenticatedClient sends credentials as the document's security schemes say (HTTP
basic, API keys in the query or a header), so a change of scheme changes what the client does
with the same credentials, even where its Python signatures stay the same: it is reported as a
breaking change of the client's API, and the client's version becomes major.
"""

from __future__ import annotations

from spec_update.api_diff import ApiChange
from spec_update.changes import Impact
from spec_update.rules.security import ways_to_authenticate
from spec_update.view import View

CLIENT_CLASS = "numbers_api_client.client.AuthenticatedClient"


def authentication_changes(old: View, new: View) -> list[ApiChange]:
    before, after = ways_to_authenticate(old), ways_to_authenticate(new)
    if before == after:
        return []
    what = f"authentication {' | '.join(before)} → {' | '.join(after)}"
    return [ApiChange(CLIENT_CLASS, what, Impact.BREAKING)]
