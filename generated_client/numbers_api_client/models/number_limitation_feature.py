from enum import StrEnum


class NumberLimitationFeature(StrEnum):
    MMS = "MMS"
    SMS = "SMS"
    VOICE = "VOICE"

    def __str__(self) -> str:
        return str(self.value)
