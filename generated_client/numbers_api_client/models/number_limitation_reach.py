from enum import StrEnum


class NumberLimitationReach(StrEnum):
    DOMESTIC = "DOMESTIC"
    INTERNATIONAL = "INTERNATIONAL"

    def __str__(self) -> str:
        return str(self.value)
