"""What a run did, for people: the terminal text (`text`) and the HTML file (`html`), built from
the tallies and the run's state. Imports every layer below it but the entry points.
"""
