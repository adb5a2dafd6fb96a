"""The mock's models: the numbers in SQLite, the inventory they are seeded from, the accounts and
their balances, the filters of a listing, and the values stored numbers may hold.

Imports only `core`. Knows nothing of HTTP: a handler asks, the state answers.
"""
