"""What every part of the mock stands on: the API document, replies, bodies, secret parameters.

Imports nothing else of the mock.
"""
