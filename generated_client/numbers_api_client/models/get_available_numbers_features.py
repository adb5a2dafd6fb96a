from enum import StrEnum


class GetAvailableNumbersFeatures(StrEnum):
    MMS = "MMS"
    SMS = "SMS"
    SMSMMS = "SMS,MMS"
    SMSMMSVOICE = "SMS,MMS,VOICE"
    SMSVOICE = "SMS,VOICE"
    VOICE = "VOICE"
    VOICEMMS = "VOICE,MMS"

    def __str__(self) -> str:
        return str(self.value)
