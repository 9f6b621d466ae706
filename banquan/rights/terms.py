"""Terms counted in months (no database): a seizure of 6 months from 31 August ends on the last
day of February, as a calendar month is counted in Chinese practice (民法典 第二百零三条)."""

import calendar
import datetime as dt


def add_months(moment: dt.datetime, months: int) -> dt.datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
