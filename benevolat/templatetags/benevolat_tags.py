from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def hours(value) -> str:
    """Hours as people write them, in the reader's language: « 2 », « 1,5 », « 0,25 »."""
    value = Decimal(value or 0)
    decimals = 0 if value == value.to_integral_value() else (1 if (value * 10) % 1 == 0 else 2)
    return number_format(value, decimal_pos=decimals)
