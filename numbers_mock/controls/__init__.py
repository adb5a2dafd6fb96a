"""The test controls: the `/_mock/` routes (`admin`) and what they steer, which the request
pipeline consults on every operation: scripted answers, the rate limit, the request journal.

Imports `state` and `core`.
"""
