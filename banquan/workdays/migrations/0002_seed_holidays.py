from django.db import migrations


def seed(apps, schema_editor):
    # A snapshot of chinese-calendar at migration time; afterwards the table is edited by hand.
    import chinese_calendar

    SpecialDay = apps.get_model("workdays", "SpecialDay")
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    rows = [SpecialDay(date=d, kind="off", name=n) for d, n in chinese_calendar.holidays.items() if d.weekday() < 5]
    rows += [SpecialDay(date=d, kind="workday", name=n) for d, n in chinese_calendar.workdays.items()]
    SpecialDay.objects.bulk_create(rows, ignore_conflicts=True)
    years = sorted({d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays})
    CalendarYear.objects.bulk_create([CalendarYear(year=y, source="chinese-calendar") for y in years],
                                     ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
