from enum import StrEnum


class NumberDetailsUpdateVoiceCallbackType(StrEnum):
    APP = "app"
    SIP = "sip"
    TEL = "tel"

    def __str__(self) -> str:
        return str(self.value)
