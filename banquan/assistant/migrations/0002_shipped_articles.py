"""Load the knowledge articles shipped with the system (staff edit them afterwards)."""

from django.db import migrations


def load(apps, schema_editor):
    from banquan.assistant import shipped
    from banquan.core import clock

    Article = apps.get_model("assistant", "Article")
    now = clock.now()
    for a in shipped.articles():
        if not Article.objects.filter(slug=a.slug).exists():
            Article.objects.create(slug=a.slug, title=a.title, body=a.body, position=a.position, active=True,
                                   digest=shipped.digest(slug=a.slug, title=a.title, body=a.body, active=True),
                                   updated_at=now)


class Migration(migrations.Migration):
    dependencies = [("assistant", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
