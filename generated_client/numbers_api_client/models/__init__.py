"""Contains all the data models used in inputs/outputs"""

from .account_unauthorized import AccountUnauthorized
from .action_failed import ActionFailed
from .action_response import ActionResponse
from .available_number import AvailableNumber
from .available_numbers import AvailableNumbers
from .field_errors import FieldErrors
from .get_available_numbers_features import GetAvailableNumbersFeatures
from .get_available_numbers_search_pattern import GetAvailableNumbersSearchPattern
from .get_available_numbers_type import GetAvailableNumbersType
from .get_owned_numbers_search_pattern import GetOwnedNumbersSearchPattern
from .inbound_numbers import InboundNumbers
from .number_details import NumberDetails
from .number_details_update import NumberDetailsUpdate
from .number_details_update_messages_callback_type import NumberDetailsUpdateMessagesCallbackType
from .number_details_update_voice_callback_type import NumberDetailsUpdateVoiceCallbackType
from .number_limitation import NumberLimitation
from .number_limitation_feature import NumberLimitationFeature
from .number_limitation_reach import NumberLimitationReach
from .number_limitation_type import NumberLimitationType
from .owned_number import OwnedNumber
from .unauthorized import Unauthorized

__all__ = (
    "AccountUnauthorized",
    "ActionFailed",
    "ActionResponse",
    "AvailableNumber",
    "AvailableNumbers",
    "FieldErrors",
    "GetAvailableNumbersFeatures",
    "GetAvailableNumbersSearchPattern",
    "GetAvailableNumbersType",
    "GetOwnedNumbersSearchPattern",
    "InboundNumbers",
    "NumberDetails",
    "NumberDetailsUpdate",
    "NumberDetailsUpdateMessagesCallbackType",
    "NumberDetailsUpdateVoiceCallbackType",
    "NumberLimitation",
    "NumberLimitationFeature",
    "NumberLimitationReach",
    "NumberLimitationType",
    "OwnedNumber",
    "Unauthorized",
)
