from enum import StrEnum


class GetAvailableNumbersType(StrEnum):
    LANDLINE = "landline"
    LANDLINE_TOLL_FREE = "landline-toll-free"
    MOBILE_LVN = "mobile-lvn"

    def __str__(self) -> str:
        return str(self.value)
