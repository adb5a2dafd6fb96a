from enum import StrEnum


class NumberDetailsUpdateMessagesCallbackType(StrEnum):
    APP = "app"

    def __str__(self) -> str:
        return str(self.value)
