"""The layer every request of a run goes through: deadline, size cap, rate limit (`ratelimit`),
429 handling, circuit breaker and money rules (`layer`), the purchase ledger and settlement
(`purchases`), and the judge under every httpx client (`answer_judge`). Imports `judging` and
`tally`.
"""
