"""How the mock is started and served: the `numbers-mock` command, uvicorn in the foreground or
in a thread, TLS certificates, and the guards against slow and idle connections.

May import every other part; nothing imports it but the package's entry points.
"""
