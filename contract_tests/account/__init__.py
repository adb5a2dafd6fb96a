"""What a run does to the target's account: the tests' handle on the run (`harness`), reading and
changing numbers (`numbers`), stocking (`stock`), aiming fuzzed queries at the stock (`aiming`),
and a number's life as a state machine (`lifecycle`). Imports every layer below it.
"""
