from enum import IntEnum


class GetOwnedNumbersSearchPattern(IntEnum):
    STARTS_WITH = 0
    CONTAINS = 1
    ENDS_WITH = 2

    def __str__(self) -> str:
        return str(self.value)
