"""What a run did, counted as it happens: cases and failures per operation (`stats`), statuses,
media types and parameters seen (`exercised`). Imports `judging` only.
"""
